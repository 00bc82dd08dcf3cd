package dev.joinery.engine.model;

import dev.joinery.connector.spi.AttributeValue;
import java.util.List;
import java.util.Objects;

/**
 * One metaverse attribute: its values and the contributor that won it. In the metaverse a
 * {@link AttributeValue.Reference} holds the referenced metaverse object's id (UUID text), never a DN.
 *
 * @param values never empty
 */
public record MvAttribute(List<AttributeValue> values, Contributor contributor) {
    public MvAttribute {
        values = List.copyOf(values);
        Objects.requireNonNull(contributor, "contributor");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a metaverse attribute has at least one value");
        }
    }
}
