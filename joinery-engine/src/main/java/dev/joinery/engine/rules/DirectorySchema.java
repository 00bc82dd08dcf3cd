package dev.joinery.engine.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The object types of the metaverse or of one connector and the attributes each has, as rules see them.
 *
 * @param objectTypes object type name to its attributes by name; iteration order is kept
 */
public record DirectorySchema(Map<String, Map<String, AttributeSchema>> objectTypes) {
    public DirectorySchema {
        Objects.requireNonNull(objectTypes, "objectTypes");
        Map<String, Map<String, AttributeSchema>> copy = new LinkedHashMap<>();
        objectTypes.forEach(
                (type, attributes) -> copy.put(type, Collections.unmodifiableMap(new LinkedHashMap<>(attributes))));
        objectTypes = Collections.unmodifiableMap(copy);
    }

    public boolean hasObjectType(String type) {
        return objectTypes.containsKey(type);
    }

    /** The attribute names of a type; empty for an unknown type. */
    public Set<String> attributeNames(String type) {
        return objectTypes.getOrDefault(type, Map.of()).keySet();
    }

    /** Whether the type has the attribute, compared case-sensitively. */
    public boolean hasAttribute(String type, String attribute) {
        return attributeNames(type).contains(attribute);
    }
}
