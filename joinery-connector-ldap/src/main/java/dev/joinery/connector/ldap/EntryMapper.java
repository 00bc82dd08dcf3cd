package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.StaticUtils;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts between LDAP entries and values and the SPI's objects and typed values, by the types the schema
 * gives each attribute. Values keep their bytes: binary as is, text as UTF-8. Immutable and thread-safe.
 */
public final class EntryMapper {
    private final Map<String, ConnectorSchema.Attribute> types;

    public EntryMapper(Map<String, ConnectorSchema.Attribute> types) {
        this.types = Map.copyOf(types);
    }

    /** The SPI type of an attribute (options such as {@code ;binary} ignored). */
    public AttributeType typeOf(String attribute) {
        String base = baseName(attribute);
        if (LdapSchemaReader.ALWAYS_BINARY.contains(base)) {
            return AttributeType.BINARY;
        }
        ConnectorSchema.Attribute a = types.get(base);
        return a == null ? AttributeType.STRING : a.type();
    }

    static String baseName(String attribute) {
        int semi = attribute.indexOf(';');
        return (semi < 0 ? attribute : attribute.substring(0, semi)).toLowerCase(Locale.ROOT);
    }

    public ConnectorObject toObject(Anchor anchor, String objectType, Entry entry) {
        Map<String, List<AttributeValue>> values = new LinkedHashMap<>();
        for (Attribute a : entry.getAttributes()) {
            String name = a.getBaseName();
            List<AttributeValue> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            AttributeType type = typeOf(name);
            for (byte[] raw : a.getValueByteArrays()) {
                list.add(value(type, raw));
            }
        }
        return new ConnectorObject(anchor, entry.getDN(), objectType, values);
    }

    static AttributeValue value(AttributeType type, byte[] raw) {
        if (type == AttributeType.BINARY) {
            return AttributeValue.binary(raw);
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        switch (type) {
            case INTEGER:
                try {
                    return AttributeValue.integer(Long.parseLong(text.trim()));
                } catch (NumberFormatException e) {
                    return AttributeValue.text(text);
                }
            case BOOLEAN:
                if (text.equalsIgnoreCase("TRUE") || text.equalsIgnoreCase("FALSE")) {
                    return AttributeValue.bool(text.equalsIgnoreCase("TRUE"));
                }
                return AttributeValue.text(text);
            case REFERENCE:
                return AttributeValue.reference(text);
            case TIMESTAMP:
                try {
                    return AttributeValue.timestamp(
                            StaticUtils.decodeGeneralizedTime(text).toInstant());
                } catch (ParseException e) {
                    return AttributeValue.text(text);
                }
            default:
                return AttributeValue.text(text);
        }
    }

    /** The bytes LDAP carries for one value. */
    public static byte[] bytes(AttributeValue value) {
        if (value instanceof AttributeValue.Binary b) {
            return b.bytes();
        }
        if (value instanceof AttributeValue.Timestamp t) {
            return StaticUtils.encodeGeneralizedTime(Date.from(t.value())).getBytes(StandardCharsets.UTF_8);
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[][] bytes(List<AttributeValue> values) {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes(values.get(i));
        }
        return out;
    }
}
