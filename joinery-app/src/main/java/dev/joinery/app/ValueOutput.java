package dev.joinery.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.joinery.expr.Value;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * How the CLI prints a {@link Value}, as text for people and shell pipelines or as one JSON value for programs.
 *
 * <p>Text: one line per value (a multi-valued result gives one line per value, an empty one nothing); NULL gives
 * no output at all; AuthoritativeNull and IgnoreThisFlow print their names; binary is base64, a date ISO-8601
 * in UTC, a Boolean {@code True} or {@code False}, a reference its DN.
 *
 * <p>JSON: a string, number, boolean, {@code null} or array; binary is a base64 string, a date an ISO-8601
 * string, a GUID or reference a string, and all three markers are {@code null}.
 */
final class ValueOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueOutput() {}

    /** The text form, each line ending in a newline; empty for NULL. */
    static String text(Value value) {
        if (value instanceof Value.Multi multi) {
            StringBuilder sb = new StringBuilder();
            for (Value v : multi.values()) {
                sb.append(scalarText(v)).append('\n');
            }
            return sb.toString();
        }
        if (value == Value.NULL) {
            return "";
        }
        return scalarText(value) + "\n";
    }

    /** Exactly one JSON value followed by a newline. */
    static String json(Value value) {
        try {
            return MAPPER.writeValueAsString(jsonNode(value)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode jsonNode(Value value) {
        if (value instanceof Value.Multi multi) {
            ArrayNode array = NODES.arrayNode(multi.size());
            for (Value v : multi.values()) {
                array.add(jsonNode(v));
            }
            return array;
        } else if (value instanceof Value.Special) {
            return NODES.nullNode();
        } else if (value instanceof Value.Int i) {
            return NODES.numberNode(i.value());
        } else if (value instanceof Value.Bool b) {
            return NODES.booleanNode(b.value());
        }
        return NODES.textNode(scalarText(value));
    }

    private static String scalarText(Value value) {
        if (value instanceof Value.Bin bin) {
            return Base64.getEncoder().encodeToString(bin.bytes());
        } else if (value instanceof Value.DateTime dt) {
            return dt.value().toString();
        } else if (value instanceof Value.Special special) {
            return special.type().label();
        }
        return value.toString();
    }
}
