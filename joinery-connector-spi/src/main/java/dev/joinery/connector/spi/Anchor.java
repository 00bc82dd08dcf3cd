package dev.joinery.connector.spi;

import java.util.Objects;

/**
 * The immutable identifier of an object in its own directory (objectGUID, entryUUID, Graph id), in the
 * connector's canonical text form. "The sync engine assumes that the anchor of an object never changes";
 * the DN is never the anchor.
 */
public record Anchor(String value) implements Comparable<Anchor> {
    public Anchor {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an anchor is never empty");
        }
    }

    public static Anchor of(String value) {
        return new Anchor(value);
    }

    @Override
    public int compareTo(Anchor other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
