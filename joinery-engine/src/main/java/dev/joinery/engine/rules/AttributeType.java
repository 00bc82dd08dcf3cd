package dev.joinery.engine.rules;

import java.util.Locale;
import java.util.Optional;

/** The value type of a schema attribute, as far as rules care. */
public enum AttributeType {
    STRING,
    INTEGER,
    BOOLEAN,
    BINARY,
    /** A distinguished name of another object (a DN syntax). */
    REFERENCE;

    /** The lower-case spelling used in schema YAML. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AttributeType> parse(String text) {
        for (AttributeType t : values()) {
            if (t.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
