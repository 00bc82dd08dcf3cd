package dev.joinery.connector.ldap;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.util.List;

/**
 * How a delta import learns what changed since a watermark; one implementation per
 * {@link LdapConnectorConfig.DeltaStrategy}. A full import asks it first for a {@link Tracker}, which fixes
 * the position the following delta starts from (taken before the full import reads, so a change made while
 * it reads is imported again rather than lost).
 */
public interface SyncStrategy {

    /** Called before a full import reads anything. */
    Tracker startFullImport();

    /**
     * A full import: every object in scope to the sink, read page by page while a {@link Tracker} follows, with
     * a checkpoint every {@code checkpointEvery} objects and one at the end.
     *
     * @return the watermark the next delta starts from
     */
    default Watermark fullImport(LdapReader reader, ImportSink sink, int checkpointEvery) {
        Tracker tracker = startFullImport();
        long[] count = {0};
        reader.forEachObject(null, o -> {
            sink.accept(ImportChange.upsert(o));
            tracker.seen(o);
            if (++count[0] % checkpointEvery == 0) {
                sink.checkpoint(tracker.checkpoint());
            }
        });
        Watermark w = tracker.finish();
        sink.checkpoint(w);
        return w;
    }

    /** Sends the changes since {@code since} to the sink and returns the next watermark. */
    Watermark deltaImport(Watermark since, ImportSink sink);

    /** Operational attributes a full import must read for this strategy. */
    default List<String> extraAttributes() {
        return List.of();
    }

    /** Follows a full import: sees every anchor it sends, and makes its watermarks. */
    interface Tracker {
        void seen(Anchor anchor);

        /** Sees an object the full import sends; by default its anchor. */
        default void seen(ConnectorObject object) {
            seen(object.anchor());
        }

        /** The watermark of a checkpoint part-way. */
        Watermark checkpoint();

        /** The watermark the full import returns. */
        Watermark finish();
    }

    /** No delta imports: full imports return {@link Watermark#NONE}. */
    final class None implements SyncStrategy {
        @Override
        public Tracker startFullImport() {
            return new Tracker() {
                @Override
                public void seen(Anchor anchor) {}

                @Override
                public Watermark checkpoint() {
                    return Watermark.NONE;
                }

                @Override
                public Watermark finish() {
                    return Watermark.NONE;
                }
            };
        }

        @Override
        public Watermark deltaImport(Watermark since, ImportSink sink) {
            throw new UnsupportedOperationException("this connector is configured without delta imports");
        }
    }
}
