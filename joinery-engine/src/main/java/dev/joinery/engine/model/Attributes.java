package dev.joinery.engine.model;

import dev.joinery.connector.spi.AttributeValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Copies of attribute maps: names case-insensitive, empty value lists dropped, unmodifiable. */
public final class Attributes {
    private Attributes() {}

    /** An unmodifiable, case-insensitive copy without empty attributes. */
    public static Map<String, List<AttributeValue>> copy(Map<String, List<AttributeValue>> attributes) {
        TreeMap<String, List<AttributeValue>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.forEach((name, values) -> {
            if (!values.isEmpty()) {
                copy.put(name, List.copyOf(values));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable, case-insensitive copy that keeps empty value lists (an export memory's "cleared"). */
    public static Map<String, List<AttributeValue>> copyKeepingEmpty(Map<String, List<AttributeValue>> attributes) {
        TreeMap<String, List<AttributeValue>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** A modifiable, case-insensitive copy, to build a changed map from. */
    public static TreeMap<String, List<AttributeValue>> mutable(Map<String, List<AttributeValue>> attributes) {
        TreeMap<String, List<AttributeValue>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(attributes);
        return copy;
    }
}
