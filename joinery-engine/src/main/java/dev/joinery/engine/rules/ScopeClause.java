package dev.joinery.engine.rules;

import java.util.Objects;

/**
 * One clause of a scoping filter: {@code attribute operator value}, read on the rule's source object.
 *
 * @param attribute the source attribute, never blank; case-sensitive
 * @param operator never null
 * @param value the compared value as written, never null ({@code ""} for {@code ISNULL}/{@code ISNOTNULL}); may be a
 *     parameter such as {@code %Connector.ID%}
 */
public record ScopeClause(String attribute, ScopeOperator operator, String value) {
    public ScopeClause {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (attribute.isBlank()) {
            throw new IllegalArgumentException("scope clause attribute must not be blank");
        }
    }

    /** A clause without a value, for {@code ISNULL} and {@code ISNOTNULL}. */
    public static ScopeClause of(String attribute, ScopeOperator operator) {
        return new ScopeClause(attribute, operator, "");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? attribute + " " + operator : attribute + " " + operator + " " + value;
    }
}
