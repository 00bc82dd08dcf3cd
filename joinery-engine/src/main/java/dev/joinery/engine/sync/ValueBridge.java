package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between directory values ({@link AttributeValue}) and expression values ({@link Value}). Text, integer,
 * Boolean, binary, reference and timestamp map one to one; an expression GUID becomes its text; the flow markers
 * and an empty list become no values.
 */
public final class ValueBridge {
    private ValueBridge() {}

    public static Value toValue(AttributeValue v) {
        if (v instanceof AttributeValue.Text t) {
            return Value.of(t.value());
        } else if (v instanceof AttributeValue.Integer i) {
            return Value.of(i.value());
        } else if (v instanceof AttributeValue.Bool b) {
            return Value.of(b.value());
        } else if (v instanceof AttributeValue.Binary b) {
            return Value.ofBytes(b.bytes());
        } else if (v instanceof AttributeValue.Reference r) {
            return Value.ref(r.dn());
        } else if (v instanceof AttributeValue.Timestamp t) {
            return Value.of(t.value());
        }
        throw new IllegalArgumentException(
                "unknown attribute value " + v.getClass().getName());
    }

    /**
     * An attribute's values as an expression sees them: {@link Value#NULL} when absent, a {@link Value.Multi} when
     * the attribute is multi-valued (even with one value) or holds several, else the single value.
     */
    public static Value toValue(List<AttributeValue> values, boolean multiValued) {
        if (values.isEmpty()) {
            return Value.NULL;
        }
        if (!multiValued && values.size() == 1) {
            return toValue(values.get(0));
        }
        List<Value> list = new ArrayList<>(values.size());
        values.forEach(v -> list.add(toValue(v)));
        return Value.multi(list);
    }

    /** The values an expression result stands for; empty for NULL, the markers and an empty list. */
    public static List<AttributeValue> toAttributeValues(Value v) {
        if (v instanceof Value.Multi m) {
            List<AttributeValue> list = new ArrayList<>(m.size());
            m.values().forEach(e -> list.add(toAttributeValue(e)));
            return list;
        }
        return v.isNull() ? List.of() : List.of(toAttributeValue(v));
    }

    /** One plain value. */
    public static AttributeValue toAttributeValue(Value v) {
        if (v instanceof Value.Str s) {
            return AttributeValue.text(s.value());
        } else if (v instanceof Value.Int i) {
            return AttributeValue.integer(i.value());
        } else if (v instanceof Value.Bool b) {
            return AttributeValue.bool(b.value());
        } else if (v instanceof Value.Bin b) {
            return AttributeValue.binary(b.bytes());
        } else if (v instanceof Value.Ref r) {
            return AttributeValue.reference(r.dn());
        } else if (v instanceof Value.DateTime d) {
            return AttributeValue.timestamp(d.value());
        } else if (v instanceof Value.Guid g) {
            return AttributeValue.text(g.value().toString());
        }
        throw new IllegalArgumentException("not a plain value: " + v);
    }
}
