package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What changed in a group's {@code member}: the side that ISMEMBEROF scopes read. */
public final class Membership {
    private Membership() {}

    /**
     * The references (lower-cased DNs, or metaverse ids) held by one of the two values but not by the other: the
     * members that joined or left.
     */
    public static Set<String> changed(List<AttributeValue> before, List<AttributeValue> after) {
        Set<String> was = references(before);
        Set<String> is = references(after);
        Set<String> changed = new HashSet<>(was);
        changed.addAll(is);
        was.retainAll(is);
        changed.removeAll(was);
        return changed;
    }

    private static Set<String> references(List<AttributeValue> values) {
        Set<String> refs = new HashSet<>();
        for (AttributeValue v : values) {
            if (v instanceof AttributeValue.Reference r) {
                refs.add(r.dn().toLowerCase(Locale.ROOT));
            }
        }
        return refs;
    }
}
