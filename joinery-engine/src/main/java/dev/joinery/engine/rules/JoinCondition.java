package dev.joinery.engine.rules;

import java.util.Objects;

/**
 * One clause of a join group: the source object's attribute equals the target object's attribute. For an inbound
 * rule the source is the connector-space object and the target the metaverse object; for an outbound rule it is the
 * other way round (Azure AD Connect's XML names the sides {@code csAttribute} and {@code ilmAttribute} instead).
 *
 * @param sourceAttribute never blank
 * @param targetAttribute never blank
 * @param caseSensitive whether values compare case-sensitively (off unless stated)
 */
public record JoinCondition(String sourceAttribute, String targetAttribute, boolean caseSensitive) {
    public JoinCondition {
        Objects.requireNonNull(sourceAttribute, "sourceAttribute");
        Objects.requireNonNull(targetAttribute, "targetAttribute");
        if (sourceAttribute.isBlank() || targetAttribute.isBlank()) {
            throw new IllegalArgumentException("join condition attributes must not be blank");
        }
    }

    public static JoinCondition of(String sourceAttribute, String targetAttribute) {
        return new JoinCondition(sourceAttribute, targetAttribute, false);
    }

    @Override
    public String toString() {
        return sourceAttribute + " = " + targetAttribute + (caseSensitive ? " (case-sensitive)" : "");
    }
}
