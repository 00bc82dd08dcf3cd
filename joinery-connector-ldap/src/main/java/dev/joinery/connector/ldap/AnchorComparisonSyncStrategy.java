package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.util.HashSet;
import java.util.Set;

/**
 * A delta read as "objects whose change marker is past the position" plus deletes found by comparing the
 * anchors in scope now with those the watermark holds. The watermark therefore carries the anchor set,
 * deflated (about 20 bytes an object). For directories without a change stream: AD's uSNChanged for accounts
 * without DirSync rights, modifyTimestamp or entryCSN elsewhere. Not thread-safe.
 */
public abstract class AnchorComparisonSyncStrategy implements SyncStrategy {
    private static final System.Logger LOG = System.getLogger(AnchorComparisonSyncStrategy.class.getName());

    protected final LdapReader reader;
    private final String name;

    protected AnchorComparisonSyncStrategy(LdapReader reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    /** The directory's position now, before a read; null when it cannot tell (then learnt from what is read). */
    protected abstract String currentPosition();

    /** The filter of objects changed after {@code position}. */
    protected abstract Filter changedAfter(String position);

    /** The later of {@code position} and the change marker of {@code object}; for positions learnt by reading. */
    protected String advance(String position, ConnectorObject object) {
        return position;
    }

    @Override
    public Tracker startFullImport() {
        String start = currentPosition();
        Set<Anchor> seen = new HashSet<>();
        String[] learnt = {start};
        return new Tracker() {
            @Override
            public void seen(Anchor anchor) {
                seen.add(anchor);
            }

            @Override
            public void seen(ConnectorObject object) {
                seen.add(object.anchor());
                if (start == null) {
                    learnt[0] = advance(learnt[0], object);
                }
            }

            @Override
            public Watermark checkpoint() {
                return token(learnt[0], seen);
            }

            @Override
            public Watermark finish() {
                return token(learnt[0], seen);
            }
        };
    }

    private Watermark token(String position, Set<Anchor> anchors) {
        return WatermarkToken.of(name)
                .with("pos", position == null ? "" : position)
                .withAnchors("anchors", anchors)
                .toWatermark();
    }

    @Override
    public Watermark deltaImport(Watermark since, ImportSink sink) {
        WatermarkToken token = WatermarkToken.parse(since, name);
        String from = token.text("pos");
        Set<Anchor> before = token.anchors("anchors");
        String now = currentPosition();
        String[] learnt = {from};
        long[] upserts = {0};
        Filter filter = from.isEmpty() ? null : changedAfter(from);
        reader.forEachObject(filter, o -> {
            sink.accept(ImportChange.upsert(o));
            upserts[0]++;
            learnt[0] = advance(learnt[0], o);
        });
        Set<Anchor> current = reader.anchorsInScope();
        long deletes = 0;
        for (Anchor a : before) {
            if (!current.contains(a)) {
                sink.accept(ImportChange.delete(a));
                deletes++;
            }
        }
        String next = now != null ? now : learnt[0];
        LOG.log(
                System.Logger.Level.INFO,
                "LDAP {0}: delta by {1}: {2} upserts, {3} deletes of {4} objects in scope",
                reader.connections().name(),
                name,
                upserts[0],
                deletes,
                current.size());
        Watermark w = token(next, current);
        sink.checkpoint(w);
        return w;
    }
}
