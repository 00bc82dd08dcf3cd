package dev.joinery.engine.sync;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.rules.MergeType;
import dev.joinery.engine.rules.SyncRule;
import java.util.List;

/**
 * What one flow of one rule offers a target attribute: values, or one of the markers.
 *
 * @param rule the rule
 * @param attribute the target attribute
 * @param marker what kind of offer
 * @param values the values when {@link Marker#VALUES}, else empty
 * @param mergeType the flow's merge type
 * @param connector the source object's connector (inbound) or the rule's connector (outbound)
 * @param anchor the source object's anchor (inbound), or null
 * @param object the source object, for messages and previews
 */
record Contribution(
        SyncRule rule,
        String attribute,
        Marker marker,
        List<AttributeValue> values,
        MergeType mergeType,
        String connector,
        Anchor anchor,
        String object) {

    enum Marker {
        VALUES,
        /** Nothing to contribute; a lower rule may. */
        NULL,
        /** Nothing, and no lower rule may contribute. */
        AUTHORITATIVE_NULL,
        /** As if the flow were not there. */
        IGNORE
    }

    Contribution {
        values = List.copyOf(values);
    }

    String describe() {
        return marker == Marker.VALUES
                ? (values.size() == 1 ? values.get(0).toString() : values.toString())
                : marker == Marker.NULL ? "NULL" : marker == Marker.IGNORE ? "IgnoreThisFlow" : "AuthoritativeNull";
    }
}
