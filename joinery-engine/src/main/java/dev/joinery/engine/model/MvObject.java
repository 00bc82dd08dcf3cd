package dev.joinery.engine.model;

import dev.joinery.connector.spi.AttributeValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A metaverse object: one real-world identity joined from connector-space objects.
 *
 * @param id assigned at projection, never reused
 * @param objectType person, group, device, ...
 * @param attributes by name, case-insensitively
 */
public record MvObject(UUID id, String objectType, Map<String, MvAttribute> attributes) {
    public MvObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(objectType, "objectType");
        TreeMap<String, MvAttribute> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(attributes);
        attributes = Collections.unmodifiableMap(copy);
    }

    /** The values of an attribute; empty when absent. */
    public List<AttributeValue> values(String name) {
        MvAttribute a = attributes.get(name);
        return a == null ? List.of() : a.values();
    }

    /** Every attribute's values, for expression contexts and scoping. */
    public Map<String, List<AttributeValue>> valueMap() {
        TreeMap<String, List<AttributeValue>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.forEach((k, v) -> map.put(k, v.values()));
        return map;
    }

    public MvObject withAttributes(Map<String, MvAttribute> value) {
        return new MvObject(id, objectType, value);
    }
}
