package dev.joinery.testkit;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Value arithmetic of the in-memory directory. An attribute's values are a set kept in insertion order, equal
 * by {@link AttributeValue#equals(Object)} (so case-sensitively). Changes are permissive, like AD's modify with
 * the permissive-modify control: adding a value that is there or deleting one that is not does nothing.
 */
final class AttributeValues {
    private AttributeValues() {}

    /** A mutable, case-insensitive copy of {@code attributes}, each value list without duplicates. */
    static Map<String, List<AttributeValue>> copy(Map<String, List<AttributeValue>> attributes) {
        Map<String, List<AttributeValue>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.forEach((name, values) -> {
            List<AttributeValue> distinct = distinct(values);
            if (!distinct.isEmpty()) {
                copy.merge(name, distinct, (a, b) -> distinct(concat(a, b)));
            }
        });
        return copy;
    }

    /** Applies one change to a mutable map made by {@link #copy(Map)}. */
    static void apply(Map<String, List<AttributeValue>> attributes, AttributeChange change) {
        String name = change.name();
        List<AttributeValue> current = attributes.getOrDefault(name, List.of());
        List<AttributeValue> result =
                switch (change.operation()) {
                    case ADD -> distinct(concat(current, change.values()));
                    case DELETE -> without(current, change.values());
                    case REPLACE -> distinct(change.values());
                    case CLEAR -> List.of();
                };
        if (result.isEmpty()) {
            attributes.remove(name);
        } else {
            attributes.put(name, List.copyOf(result));
        }
    }

    /**
     * The key under which a value is unique: text and references compare case-insensitively, as directories
     * compare proxyAddresses and userPrincipalName; other types by their exact text form.
     */
    static String uniquenessKey(AttributeValue value) {
        if (value instanceof AttributeValue.Text || value instanceof AttributeValue.Reference) {
            return "s:" + value.toString().toLowerCase(Locale.ROOT);
        }
        return value.type() + ":" + value;
    }

    private static List<AttributeValue> distinct(List<AttributeValue> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static List<AttributeValue> without(List<AttributeValue> values, List<AttributeValue> removed) {
        List<AttributeValue> rest = new ArrayList<>(values);
        rest.removeAll(removed);
        return rest;
    }

    private static List<AttributeValue> concat(List<AttributeValue> a, List<AttributeValue> b) {
        List<AttributeValue> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
