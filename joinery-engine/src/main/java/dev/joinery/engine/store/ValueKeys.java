package dev.joinery.engine.store;

import dev.joinery.connector.spi.AttributeValue;
import java.util.Locale;

/** The normalised form a value is indexed and matched by: text and references ignoring case, the rest exactly. */
final class ValueKeys {
    private ValueKeys() {}

    static String key(AttributeValue value) {
        if (value instanceof AttributeValue.Text t) {
            return "s:" + t.value().toLowerCase(Locale.ROOT);
        } else if (value instanceof AttributeValue.Reference r) {
            return "r:" + r.dn().toLowerCase(Locale.ROOT);
        }
        return value.type().name().charAt(0) + ":" + value;
    }

    static String attributeKey(String attribute, AttributeValue value) {
        return attribute.toLowerCase(Locale.ROOT) + '\u0000' + key(value);
    }

    static String dnKey(String dn) {
        return dn.toLowerCase(Locale.ROOT);
    }
}
