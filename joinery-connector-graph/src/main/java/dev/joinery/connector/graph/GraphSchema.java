package dev.joinery.connector.graph;

import static dev.joinery.connector.spi.AttributeType.BOOLEAN;
import static dev.joinery.connector.spi.AttributeType.REFERENCE;
import static dev.joinery.connector.spi.AttributeType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The object types and attributes the connector reads and writes (graph-directory-notes §1), in Graph's own
 * property names, and the mapping between Graph JSON and connector objects. The anchor is the Graph object
 * {@code id}. DNs are Graph-style paths: {@code users/<userPrincipalName>}, {@code groups/<mailNickname>},
 * {@code contacts/<id>}, {@code devices/<id>}; renaming a user changes its userPrincipalName, a group its
 * mailNickname. {@code onPremisesImmutableId} (the on-premises sourceAnchor) is immutable once set
 * ({@link GraphErrors#IMMUTABLE}).
 */
final class GraphSchema {
    /** A Graph object type: the connector's name, the collection, the attribute that names it in its DN. */
    enum Type {
        USER("user", "users", "userPrincipalName"),
        GROUP("group", "groups", "mailNickname"),
        CONTACT("contact", "contacts", "id"),
        DEVICE("device", "devices", "id");

        final String name;
        final String collection;
        final String naming;

        Type(String name, String collection, String naming) {
            this.name = name;
            this.collection = collection;
            this.naming = naming;
        }
    }

    static final String MEMBERS = "members";
    /** Write-only: a user's initial password; the connector makes a random one when none is given. */
    static final String PASSWORD = "password";

    private static final Map<Type, List<ConnectorSchema.Attribute>> ATTRIBUTES = Map.of(
            Type.USER,
            attrs(
                    "userPrincipalName displayName givenName surname mail mailNickname jobTitle department companyName"
                            + " employeeId usageLocation city country state streetAddress postalCode mobilePhone"
                            + " userType onPremisesImmutableId onPremisesSamAccountName onPremisesSecurityIdentifier",
                    "accountEnabled onPremisesSyncEnabled",
                    "proxyAddresses otherMails businessPhones"),
            Type.GROUP,
            attrs(
                    "displayName description mailNickname mail visibility",
                    "mailEnabled securityEnabled onPremisesSyncEnabled",
                    "groupTypes proxyAddresses"),
            Type.CONTACT,
            attrs(
                    "displayName givenName surname mail mailNickname companyName department jobTitle",
                    "onPremisesSyncEnabled",
                    "proxyAddresses"),
            Type.DEVICE,
            attrs("displayName deviceId operatingSystem operatingSystemVersion trustType", "accountEnabled", ""));

    private GraphSchema() {}

    static ConnectorSchema schema() {
        List<ConnectorSchema.ObjectType> types = new ArrayList<>();
        for (Type t : Type.values()) {
            List<ConnectorSchema.Attribute> a = new ArrayList<>(ATTRIBUTES.get(t));
            if (t == Type.GROUP) {
                a.add(new ConnectorSchema.Attribute(MEMBERS, REFERENCE, true));
            }
            types.add(new ConnectorSchema.ObjectType(t.name, "id", a));
        }
        return new ConnectorSchema(types);
    }

    static List<ConnectorSchema.Attribute> attributes(Type t) {
        return ATTRIBUTES.get(t);
    }

    static Optional<ConnectorSchema.Attribute> attribute(Type t, String name) {
        return ATTRIBUTES.get(t).stream()
                .filter(a -> a.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /** {@code $select} for a type: id and every attribute. */
    static String select(Type t) {
        return "id,"
                + ATTRIBUTES.get(t).stream()
                        .map(ConnectorSchema.Attribute::name)
                        .collect(Collectors.joining(","));
    }

    static Optional<Type> type(String objectType) {
        for (Type t : Type.values()) {
            if (t.name.equalsIgnoreCase(objectType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static Optional<Type> typeOfDn(String dn) {
        int slash = dn.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String collection = dn.substring(0, slash).toLowerCase(Locale.ROOT);
        for (Type t : Type.values()) {
            if (t.collection.equals(collection)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The naming value of a DN: the part after the collection. */
    static String namingValue(String dn) {
        return dn.substring(dn.indexOf('/') + 1);
    }

    static String dn(Type t, JsonNode json) {
        return t.collection + "/" + json.path(t.naming).asText(json.path("id").asText());
    }

    /** The DN of a member listed by {@code /groups/{id}/members} (carries {@code @odata.type}). */
    static Optional<String> memberDn(JsonNode member) {
        String odataType = member.path("@odata.type").asText("");
        for (Type t : Type.values()) {
            String suffix = t == Type.CONTACT ? "orgcontact" : t.name;
            if (odataType.toLowerCase(Locale.ROOT).endsWith("." + suffix)) {
                return Optional.of(dn(t, member));
            }
        }
        return Optional.empty();
    }

    static ConnectorObject toObject(Type t, JsonNode json, List<String> memberDns) {
        Map<String, List<AttributeValue>> values = new LinkedHashMap<>();
        for (ConnectorSchema.Attribute a : ATTRIBUTES.get(t)) {
            JsonNode v = json.get(a.name());
            List<AttributeValue> list = new ArrayList<>();
            if (v != null && v.isArray()) {
                v.forEach(x -> fromJson(a.type(), x).ifPresent(list::add));
            } else if (v != null) {
                fromJson(a.type(), v).ifPresent(list::add);
            }
            values.put(a.name(), list);
        }
        if (t == Type.GROUP) {
            values.put(
                    MEMBERS, memberDns.stream().map(AttributeValue::reference).collect(Collectors.toList()));
        }
        return new ConnectorObject(Anchor.of(json.get("id").asText()), dn(t, json), t.name, values);
    }

    private static Optional<AttributeValue> fromJson(AttributeType type, JsonNode v) {
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(type == BOOLEAN ? AttributeValue.bool(v.asBoolean()) : AttributeValue.text(v.asText()));
    }

    /** The JSON value of an attribute: an array for multi-valued ones, null for none. */
    static JsonNode toJson(ConnectorSchema.Attribute a, List<AttributeValue> values) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (a.multiValued()) {
            ArrayNode arr = f.arrayNode();
            values.forEach(v -> arr.add(scalar(v)));
            return arr;
        }
        return values.isEmpty() ? f.nullNode() : scalar(values.get(0));
    }

    private static JsonNode scalar(AttributeValue v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof AttributeValue.Bool) {
            return f.booleanNode(((AttributeValue.Bool) v).value());
        }
        if (v instanceof AttributeValue.Integer) {
            return f.numberNode(((AttributeValue.Integer) v).value());
        }
        return f.textNode(v.toString());
    }

    /** A create body: every known attribute, the DN's naming value, never members or the password. */
    static ObjectNode createBody(Type t, String dn, Map<String, List<AttributeValue>> attributes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        attributes.forEach((name, values) -> attribute(t, name).ifPresent(a -> body.set(a.name(), toJson(a, values))));
        body.put(t.naming, namingValue(dn));
        return body;
    }

    private static List<ConnectorSchema.Attribute> attrs(String single, String bools, String multi) {
        List<ConnectorSchema.Attribute> out = new ArrayList<>();
        for (String n : single.split(" ")) {
            out.add(new ConnectorSchema.Attribute(n, STRING, false, flags(n)));
        }
        for (String n : bools.split(" ")) {
            out.add(new ConnectorSchema.Attribute(n, BOOLEAN, false, flags(n)));
        }
        for (String n : multi.isEmpty() ? new String[0] : multi.split(" ")) {
            out.add(new ConnectorSchema.Attribute(n, STRING, true, flags(n)));
        }
        return List.copyOf(out);
    }

    /**
     * What Entra ID enforces (graph-directory-notes.md): userPrincipalName, mail and proxyAddresses are unique
     * across the tenant; onPremisesImmutableId is unique and cannot change once set; proxyAddresses is read-only
     * through Graph.
     */
    private static java.util.Set<ConnectorSchema.Attribute.Flag> flags(String name) {
        switch (name) {
            case "onPremisesImmutableId":
                return java.util.Set.of(
                        ConnectorSchema.Attribute.Flag.IMMUTABLE, ConnectorSchema.Attribute.Flag.UNIQUE);
            case "userPrincipalName":
            case "mail":
                return java.util.Set.of(ConnectorSchema.Attribute.Flag.UNIQUE);
            case "proxyAddresses":
                return java.util.Set.of(
                        ConnectorSchema.Attribute.Flag.UNIQUE, ConnectorSchema.Attribute.Flag.READ_ONLY);
            default:
                return java.util.Set.of();
        }
    }
}
