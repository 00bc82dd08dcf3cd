package dev.joinery.connector.scim;

import static dev.joinery.connector.spi.AttributeType.BOOLEAN;
import static dev.joinery.connector.spi.AttributeType.REFERENCE;
import static dev.joinery.connector.spi.AttributeType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The two SCIM resource types the connector handles: object types {@code User} and {@code Group}, anchored by the
 * SCIM {@code id}, with DNs {@code Users/<userName>} and {@code Groups/<displayName>} (the attribute RFC 7643 makes
 * unique for users, and the one group provisioning matches on).
 */
enum ScimResourceType {
    USER(
            "User",
            "/Users",
            "userName",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            List.of(
                    ScimAttribute.top("userName", STRING),
                    ScimAttribute.top("externalId", STRING),
                    ScimAttribute.top("displayName", STRING),
                    ScimAttribute.top("nickName", STRING),
                    ScimAttribute.top("profileUrl", STRING),
                    ScimAttribute.top("title", STRING),
                    ScimAttribute.top("userType", STRING),
                    ScimAttribute.top("preferredLanguage", STRING),
                    ScimAttribute.top("locale", STRING),
                    ScimAttribute.top("timezone", STRING),
                    ScimAttribute.top("active", BOOLEAN),
                    ScimAttribute.sub("name", "formatted"),
                    ScimAttribute.sub("name", "familyName"),
                    ScimAttribute.sub("name", "givenName"),
                    ScimAttribute.sub("name", "middleName"),
                    ScimAttribute.sub("name", "honorificPrefix"),
                    ScimAttribute.sub("name", "honorificSuffix"),
                    ScimAttribute.typed("emails", "work"),
                    ScimAttribute.typed("emails", "home"),
                    ScimAttribute.typed("emails", "other"),
                    ScimAttribute.typed("phoneNumbers", "work"),
                    ScimAttribute.typed("phoneNumbers", "mobile"),
                    ScimAttribute.typed("phoneNumbers", "home"),
                    ScimAttribute.typed("phoneNumbers", "fax"),
                    ScimAttribute.extension("employeeNumber"),
                    ScimAttribute.extension("costCenter"),
                    ScimAttribute.extension("organization"),
                    ScimAttribute.extension("division"),
                    ScimAttribute.extension("department"),
                    new ScimAttribute("manager", REFERENCE, false, ScimAttribute.Kind.MANAGER, "manager", null))),
    GROUP(
            "Group",
            "/Groups",
            "displayName",
            "urn:ietf:params:scim:schemas:core:2.0:Group",
            List.of(
                    ScimAttribute.top("displayName", STRING),
                    ScimAttribute.top("externalId", STRING),
                    new ScimAttribute("members", REFERENCE, true, ScimAttribute.Kind.MEMBERS, "members", null)));

    /** The attribute holding a group's members by DN. */
    static final String MEMBERS = "members";

    final String objectType;
    final String endpoint;
    final String naming;
    final String schema;
    final List<ScimAttribute> attributes;

    ScimResourceType(String objectType, String endpoint, String naming, String schema, List<ScimAttribute> attributes) {
        this.objectType = objectType;
        this.endpoint = endpoint;
        this.naming = naming;
        this.schema = schema;
        this.attributes = attributes;
    }

    static Optional<ScimResourceType> ofObjectType(String name) {
        for (ScimResourceType t : values()) {
            if (t.objectType.equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type a DN names by its prefix, {@code Users/} or {@code Groups/}. */
    static Optional<ScimResourceType> ofDn(String dn) {
        for (ScimResourceType t : values()) {
            if (dn.regionMatches(true, 0, t.dnPrefix(), 0, t.dnPrefix().length())
                    && dn.length() > t.dnPrefix().length()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** {@code Users/} or {@code Groups/}. */
    String dnPrefix() {
        return endpoint.substring(1) + "/";
    }

    String dn(String namingValue) {
        return dnPrefix() + namingValue;
    }

    /** The naming value in a DN of this type: {@code alice} in {@code Users/alice}. */
    String namingValue(String dn) {
        return dn.substring(dnPrefix().length());
    }

    Optional<ScimAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A resource as a connector object; referenced ids the resolver does not know are left out. */
    ConnectorObject toObject(JsonNode resource, Function<String, String> idToDn) {
        Map<String, List<AttributeValue>> values = new LinkedHashMap<>();
        for (ScimAttribute a : attributes) {
            List<AttributeValue> v = a.read(resource, idToDn);
            if (!v.isEmpty()) {
                values.put(a.name(), v);
            }
        }
        String id = resource.path("id").asText();
        return new ConnectorObject(Anchor.of(id), dn(resource.path(naming).asText()), objectType, values);
    }

    /** The body of a POST creating {@code dn} with {@code values}; attributes outside the table are refused. */
    ObjectNode createBody(String dn, Map<String, List<AttributeValue>> values, Function<String, String> dnToId) {
        ObjectNode body = ScimClient.JSON.createObjectNode();
        body.putArray("schemas").add(schema);
        for (Map.Entry<String, List<AttributeValue>> e : values.entrySet()) {
            ScimAttribute a = attribute(e.getKey()).orElseThrow(() -> new UnknownAttributeException(e.getKey(), this));
            a.write(body, e.getValue(), dnToId);
        }
        body.put(naming, namingValue(dn));
        return body;
    }

    /** Names of attributes, for messages. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        attributes.forEach(a -> names.add(a.name()));
        return names;
    }

    @Override
    public String toString() {
        return objectType.toLowerCase(Locale.ROOT);
    }

    /** An attribute the connector does not map. */
    static final class UnknownAttributeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String attribute;

        UnknownAttributeException(String attribute, ScimResourceType type) {
            super(attribute + " is not an attribute of SCIM " + type.objectType + " (" + type.names() + ")");
            this.attribute = attribute;
        }
    }
}
