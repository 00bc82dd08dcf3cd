package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import java.util.List;

/**
 * The outcome of precedence for one target attribute.
 *
 * @param kind set the values, remove the attribute, or keep what the target has
 * @param values the values to set, else empty
 * @param winner the contribution that won (the first merged one for a merge), or null
 */
record Resolution(Kind kind, List<AttributeValue> values, Contribution winner) {
    enum Kind {
        SET,
        REMOVE,
        KEEP
    }

    static final Resolution REMOVE = new Resolution(Kind.REMOVE, List.of(), null);
    static final Resolution KEEP = new Resolution(Kind.KEEP, List.of(), null);
}
