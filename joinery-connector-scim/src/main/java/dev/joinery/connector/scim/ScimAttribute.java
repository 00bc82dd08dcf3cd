package dev.joinery.connector.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One Joinery attribute and where it lives in a SCIM resource. Joinery names are flat: a simple attribute keeps
 * its SCIM name ({@code userName}), a sub-attribute of a single complex one is dotted ({@code name.givenName}),
 * one value of a multi-valued complex attribute is picked by its {@code type} ({@code emails.work} is the {@code
 * value} of the {@code emails} entry of type {@code work}), and enterprise extension attributes keep their plain
 * name ({@code department}, {@code manager}). Immutable.
 *
 * @param scim the SCIM attribute (or extension attribute) holding the value
 * @param sub the sub-attribute ({@link Kind#SUB}) or the {@code type} value ({@link Kind#TYPED}); else null
 */
record ScimAttribute(String name, AttributeType type, boolean multiValued, Kind kind, String scim, String sub) {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** Where the value sits. */
    enum Kind {
        /** A simple top-level attribute. */
        TOP,
        /** A sub-attribute of a single-valued complex attribute ({@code name.givenName}). */
        SUB,
        /** The {@code value} of the entry of a multi-valued complex attribute with a given {@code type}. */
        TYPED,
        /** A simple attribute of the enterprise extension. */
        EXTENSION,
        /** The enterprise {@code manager}: a reference held as {@code manager.value}, the manager's id. */
        MANAGER,
        /** A group's {@code members}: references held as {@code members[].value}, the members' ids. */
        MEMBERS
    }

    static ScimAttribute top(String name, AttributeType type) {
        return new ScimAttribute(name, type, false, Kind.TOP, name, null);
    }

    static ScimAttribute sub(String parent, String sub) {
        return new ScimAttribute(parent + "." + sub, AttributeType.STRING, false, Kind.SUB, parent, sub);
    }

    static ScimAttribute typed(String parent, String type) {
        return new ScimAttribute(parent + "." + type, AttributeType.STRING, false, Kind.TYPED, parent, type);
    }

    static ScimAttribute extension(String name) {
        return new ScimAttribute(name, AttributeType.STRING, false, Kind.EXTENSION, name, null);
    }

    /** The values in {@code resource}; {@code idToDn} turns a referenced id into a DN (null when unknown). */
    List<AttributeValue> read(JsonNode resource, Function<String, String> idToDn) {
        List<AttributeValue> values = new ArrayList<>();
        switch (kind) {
            case TOP:
                scalar(resource.get(scim), values);
                break;
            case SUB:
                scalar(resource.path(scim).get(sub), values);
                break;
            case TYPED:
                JsonNode chosen = null;
                for (JsonNode entry : resource.path(scim)) {
                    if (sub.equalsIgnoreCase(entry.path("type").asText())
                            && (chosen == null || entry.path("primary").asBoolean())) {
                        chosen = entry;
                    }
                }
                if (chosen != null) {
                    scalar(chosen.get("value"), values);
                }
                break;
            case EXTENSION:
                scalar(resource.path(ENTERPRISE).get(scim), values);
                break;
            case MANAGER:
                reference(resource.path(ENTERPRISE).path(scim).path("value"), idToDn, values);
                break;
            case MEMBERS:
                for (JsonNode m : resource.path(scim)) {
                    reference(m.path("value"), idToDn, values);
                }
                break;
            default:
                throw new IllegalStateException(kind.name());
        }
        return values;
    }

    /** Sets the values in a new resource's body; {@code dnToId} turns a referenced DN into the object's id. */
    void write(ObjectNode body, List<AttributeValue> values, Function<String, String> dnToId) {
        if (values.isEmpty()) {
            return;
        }
        switch (kind) {
            case TOP:
                body.set(scim, json(values.get(0)));
                break;
            case SUB:
                object(body, scim).set(sub, json(values.get(0)));
                break;
            case TYPED:
                array(body, scim).add(typedEntry(values.get(0)));
                break;
            case EXTENSION:
                extension(body).set(scim, json(values.get(0)));
                break;
            case MANAGER:
                extension(body).set(scim, ref(dnToId.apply(values.get(0).toString())));
                break;
            case MEMBERS:
                ArrayNode members = array(body, scim);
                values.forEach(v -> members.add(ref(dnToId.apply(v.toString()))));
                break;
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /** The PATCH path of this attribute: {@code emails[type eq "work"].value}, {@code urn:...:User:department}. */
    Path path() {
        switch (kind) {
            case SUB:
                return Path.root().attribute(scim).attribute(sub);
            case TYPED:
                return Path.root()
                        .attribute(scim, Filter.eq(Path.root().attribute("type"), TextNode.valueOf(sub)))
                        .attribute("value");
            case EXTENSION:
            case MANAGER:
                return Path.root(ENTERPRISE).attribute(scim);
            default:
                return Path.root().attribute(scim);
        }
    }

    /**
     * The filter matching resources whose attribute equals {@code value} (for a reference, {@code value} is the
     * referenced id): {@code userName eq "alice"}, {@code emails[type eq "work" and value eq "a@x"]}.
     */
    Filter equalTo(String value) {
        ValueNode v = type == AttributeType.BOOLEAN
                ? ScimClient.JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value))
                : TextNode.valueOf(value);
        switch (kind) {
            case TYPED:
                return Filter.hasComplexValue(
                        Path.root().attribute(scim),
                        Filter.and(
                                Filter.eq(Path.root().attribute("type"), TextNode.valueOf(sub)),
                                Filter.eq(Path.root().attribute("value"), v)));
            case MANAGER:
            case MEMBERS:
                return Filter.eq(path().attribute("value"), v);
            default:
                return Filter.eq(path(), v);
        }
    }

    /** The PATCH value that sets this attribute to {@code value}. */
    JsonNode patchValue(AttributeValue value, Function<String, String> dnToId) {
        return kind == Kind.MANAGER ? ref(dnToId.apply(value.toString())) : json(value);
    }

    /** A {@code {"value": id}} reference. */
    static ObjectNode ref(String id) {
        return ScimClient.JSON.createObjectNode().put("value", id);
    }

    private ObjectNode typedEntry(AttributeValue value) {
        return ScimClient.JSON.createObjectNode().put("type", sub).set("value", json(value));
    }

    private void scalar(JsonNode node, List<AttributeValue> values) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (type == AttributeType.BOOLEAN) {
            values.add(AttributeValue.bool(node.asBoolean()));
        } else if (type == AttributeType.INTEGER) {
            values.add(AttributeValue.integer(node.asLong()));
        } else {
            values.add(AttributeValue.text(node.asText()));
        }
    }

    private static void reference(JsonNode id, Function<String, String> idToDn, List<AttributeValue> values) {
        if (id.isTextual()) {
            String dn = idToDn.apply(id.asText());
            if (dn != null) {
                values.add(AttributeValue.reference(dn));
            }
        }
    }

    private static JsonNode json(AttributeValue v) {
        if (v instanceof AttributeValue.Bool b) {
            return ScimClient.JSON.getNodeFactory().booleanNode(b.value());
        }
        if (v instanceof AttributeValue.Integer i) {
            return ScimClient.JSON.getNodeFactory().numberNode(i.value());
        }
        return ScimClient.JSON.getNodeFactory().textNode(v.toString());
    }

    private static ObjectNode extension(ObjectNode body) {
        ArrayNode schemas = array(body, "schemas");
        boolean listed = false;
        for (JsonNode s : schemas) {
            listed |= s.asText().equals(ENTERPRISE);
        }
        if (!listed) {
            schemas.add(ENTERPRISE);
        }
        return object(body, ENTERPRISE);
    }

    private static ObjectNode object(ObjectNode body, String field) {
        return body.has(field) ? (ObjectNode) body.get(field) : body.putObject(field);
    }

    private static ArrayNode array(ObjectNode body, String field) {
        return body.has(field) ? (ArrayNode) body.get(field) : body.putArray(field);
    }
}
