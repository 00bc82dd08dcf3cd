package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The changes that take an attribute from the values the target holds to the values the rules want. */
final class ValueDiff {
    private ValueDiff() {}

    /** By value: adds and deletes for a multi-valued attribute, replace or clear for a single-valued one. */
    static void diff(
            List<AttributeChange> changes,
            String attribute,
            List<AttributeValue> cur,
            List<AttributeValue> want,
            boolean multiValued) {
        if (multiValued || cur.size() > 1 || want.size() > 1) {
            List<AttributeValue> add = new ArrayList<>(want);
            add.removeAll(cur);
            List<AttributeValue> delete = new ArrayList<>(cur);
            delete.removeAll(want);
            if (!add.isEmpty()) {
                changes.add(AttributeChange.add(attribute, add));
            }
            if (!delete.isEmpty()) {
                changes.add(AttributeChange.delete(attribute, delete));
            }
        } else if (want.isEmpty()) {
            changes.add(AttributeChange.clear(attribute));
        } else {
            changes.add(AttributeChange.replace(attribute, want));
        }
    }

    static boolean sameValues(List<AttributeValue> a, List<AttributeValue> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }
}
