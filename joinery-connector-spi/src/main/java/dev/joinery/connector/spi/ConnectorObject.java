package dev.joinery.connector.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One object as the directory holds it: anchor, DN, object type and attributes. Attribute names compare
 * case-insensitively, as in LDAP; an attribute without values is absent.
 */
public record ConnectorObject(
        Anchor anchor, String dn, String objectType, Map<String, List<AttributeValue>> attributes) {

    public ConnectorObject {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(objectType, "objectType");
        TreeMap<String, List<AttributeValue>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.forEach((name, values) -> {
            if (!values.isEmpty()) {
                copy.put(name, List.copyOf(values));
            }
        });
        attributes = Collections.unmodifiableMap(copy);
    }

    /** The values of an attribute; empty when absent. */
    public List<AttributeValue> values(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    /** The first value of an attribute, or null when absent. */
    public AttributeValue first(String name) {
        List<AttributeValue> v = values(name);
        return v.isEmpty() ? null : v.get(0);
    }
}
