package dev.joinery.connector.spi;

import java.util.List;
import java.util.Objects;

/**
 * A change to one attribute, by value: add values, delete values, replace all values, or clear the
 * attribute. Membership of a large group changes by {@link Operation#ADD} and {@link Operation#DELETE},
 * never by {@link Operation#REPLACE}.
 */
public record AttributeChange(String name, Operation operation, List<AttributeValue> values) {
    public enum Operation {
        ADD,
        DELETE,
        REPLACE,
        /** Remove every value; carries none. */
        CLEAR
    }

    public AttributeChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        values = List.copyOf(values);
        if (operation == Operation.CLEAR && !values.isEmpty()) {
            throw new IllegalArgumentException("CLEAR carries no values");
        }
        if ((operation == Operation.ADD || operation == Operation.DELETE) && values.isEmpty()) {
            throw new IllegalArgumentException(operation + " of " + name + " needs at least one value");
        }
    }

    public static AttributeChange add(String name, List<AttributeValue> values) {
        return new AttributeChange(name, Operation.ADD, values);
    }

    public static AttributeChange delete(String name, List<AttributeValue> values) {
        return new AttributeChange(name, Operation.DELETE, values);
    }

    public static AttributeChange replace(String name, List<AttributeValue> values) {
        return new AttributeChange(name, Operation.REPLACE, values);
    }

    public static AttributeChange clear(String name) {
        return new AttributeChange(name, Operation.CLEAR, List.of());
    }
}
