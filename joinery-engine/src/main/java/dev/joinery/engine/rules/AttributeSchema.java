package dev.joinery.engine.rules;

import java.util.Objects;

/** One attribute of an object type: its name (case-sensitive), value type and whether it holds several values. */
public record AttributeSchema(String name, AttributeType type, boolean multiValued) {
    public AttributeSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
    }

    /** {@code string}, or {@code string[]} when multi-valued: the spelling of schema YAML. */
    public String typeText() {
        return type.displayName() + (multiValued ? "[]" : "");
    }
}
