package dev.joinery.connector.ldap;

import dev.joinery.connector.spi.Anchor;
import java.util.HashSet;
import java.util.Set;

/**
 * The anchors in scope that a watermark carries, kept as a packed base plus the anchors added and removed since,
 * so that a delta with few changes neither unpacks nor packs the whole set: its cost follows the changes, not the
 * size of the directory. The whole set is unpacked only when asked for, and packed again when the changes grow
 * past an eighth of the base. Not thread-safe.
 */
final class KnownAnchors {
    private static final String BASE = "anchors";
    private static final String ADDED = "added";
    private static final String REMOVED = "removed";

    private byte[] base;
    private Set<Anchor> all;
    private final Set<Anchor> added = new HashSet<>();
    private final Set<Anchor> removed = new HashSet<>();

    private KnownAnchors(byte[] base, Set<Anchor> all) {
        this.base = base;
        this.all = all;
    }

    static KnownAnchors empty() {
        return new KnownAnchors(null, new HashSet<>());
    }

    static KnownAnchors from(WatermarkToken token) {
        KnownAnchors k = new KnownAnchors(token.bytes(BASE), null);
        if (token.has(ADDED)) {
            k.added.addAll(token.anchors(ADDED));
        }
        if (token.has(REMOVED)) {
            k.removed.addAll(token.anchors(REMOVED));
        }
        return k;
    }

    void add(Anchor anchor) {
        if (all != null) {
            all.add(anchor);
        } else {
            removed.remove(anchor);
            added.add(anchor);
        }
    }

    void remove(Anchor anchor) {
        if (all != null) {
            all.remove(anchor);
        } else {
            added.remove(anchor);
            removed.add(anchor);
        }
    }

    /** Every anchor; unpacks the base the first time. */
    Set<Anchor> all() {
        if (all == null) {
            all = WatermarkToken.unpack(base);
            all.removeAll(removed);
            all.addAll(added);
            added.clear();
            removed.clear();
            base = null;
        }
        return all;
    }

    /** The token with the set written in. */
    WatermarkToken writeTo(WatermarkToken token) {
        if (all == null && (added.size() + removed.size()) * 16L * 8 > base.length) {
            all();
        }
        if (all != null) {
            return token.withAnchors(BASE, all);
        }
        return token.with(BASE, base).withAnchors(ADDED, added).withAnchors(REMOVED, removed);
    }
}
