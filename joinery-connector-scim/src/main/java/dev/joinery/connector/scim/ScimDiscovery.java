package dev.joinery.connector.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorSchema;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the service offers (RFC 7644 §4): {@code /ServiceProviderConfig} (PATCH and filter support),
 * {@code /ResourceTypes} (whether Users, Groups and the enterprise extension exist) and {@code /Schemas} (which
 * mapped attributes the service declares, with their mutability and uniqueness), through the SCIM 2 SDK's model.
 */
final class ScimDiscovery {
    private final ScimClient client;

    /** What discovery found. */
    record Service(ServiceProviderConfigResource config, List<ScimResourceType> types, boolean enterprise) {}

    ScimDiscovery(ScimClient client) {
        this.client = client;
    }

    /** The service's configuration and resource types; refuses a service without PATCH, which export needs. */
    Service service() {
        ServiceProviderConfigResource config = read(
                client.get("/ServiceProviderConfig", "read /ServiceProviderConfig"),
                ServiceProviderConfigResource.class);
        if (config.getPatch() == null || !config.getPatch().isSupported()) {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.CONFIGURATION, "the SCIM service does not support PATCH (RFC 7644 §3.5.2)"));
        }
        List<ScimResourceType> types = new ArrayList<>();
        boolean enterprise = false;
        for (JsonNode r : client.get("/ResourceTypes", "read /ResourceTypes").path("Resources")) {
            ResourceTypeResource rt = read(r, ResourceTypeResource.class);
            for (ScimResourceType t : ScimResourceType.values()) {
                if (t.schema.equals(String.valueOf(rt.getSchema())) && !types.contains(t)) {
                    types.add(t);
                }
            }
            if (rt.getSchemaExtensions() != null) {
                for (ResourceTypeResource.SchemaExtension e : rt.getSchemaExtensions()) {
                    enterprise |= ScimAttribute.ENTERPRISE.equals(String.valueOf(e.getSchema()));
                }
            }
        }
        types.sort(null);
        return new Service(config, types, enterprise);
    }

    /** The object types of {@code service}, with the mapped attributes its schemas declare. */
    ConnectorSchema schema(Service service) {
        Map<String, SchemaResource> schemas = new HashMap<>();
        for (JsonNode s : client.get("/Schemas", "read /Schemas").path("Resources")) {
            schemas.put(s.path("id").asText(), read(s, SchemaResource.class));
        }
        List<ConnectorSchema.ObjectType> types = new ArrayList<>();
        for (ScimResourceType t : service.types()) {
            List<ConnectorSchema.Attribute> attributes = new ArrayList<>();
            for (ScimAttribute a : t.attributes) {
                boolean inExtension =
                        a.kind() == ScimAttribute.Kind.EXTENSION || a.kind() == ScimAttribute.Kind.MANAGER;
                if (inExtension && !service.enterprise()) {
                    continue;
                }
                Optional<AttributeDefinition> def =
                        definition(schemas.get(inExtension ? ScimAttribute.ENTERPRISE : t.schema), a);
                def.ifPresent(d ->
                        attributes.add(new ConnectorSchema.Attribute(a.name(), a.type(), a.multiValued(), flags(d))));
            }
            types.add(new ConnectorSchema.ObjectType(t.objectType, "id", attributes));
        }
        return new ConnectorSchema(types);
    }

    private static Optional<AttributeDefinition> definition(SchemaResource schema, ScimAttribute a) {
        if (schema == null) {
            return Optional.empty();
        }
        Optional<AttributeDefinition> top = find(schema.getAttributes(), a.scim());
        switch (a.kind()) {
            case SUB:
                return top.flatMap(d -> find(d.getSubAttributes(), a.sub()));
            case TYPED:
                return top.flatMap(d -> find(d.getSubAttributes(), "value"));
            default:
                return top;
        }
    }

    private static Optional<AttributeDefinition> find(java.util.Collection<AttributeDefinition> defs, String name) {
        if (defs == null) {
            return Optional.empty();
        }
        return defs.stream().filter(d -> d.getName().equalsIgnoreCase(name)).findFirst();
    }

    private static Set<ConnectorSchema.Attribute.Flag> flags(AttributeDefinition d) {
        Set<ConnectorSchema.Attribute.Flag> flags = EnumSet.noneOf(ConnectorSchema.Attribute.Flag.class);
        if (d.getMutability() != null) {
            switch (d.getMutability()) {
                case READ_ONLY:
                    flags.add(ConnectorSchema.Attribute.Flag.READ_ONLY);
                    break;
                case IMMUTABLE:
                    flags.add(ConnectorSchema.Attribute.Flag.IMMUTABLE);
                    break;
                case WRITE_ONLY:
                    flags.add(ConnectorSchema.Attribute.Flag.WRITE_ONLY);
                    break;
                default:
                    break;
            }
        }
        if (d.getUniqueness() == AttributeDefinition.Uniqueness.SERVER
                || d.getUniqueness() == AttributeDefinition.Uniqueness.GLOBAL) {
            flags.add(ConnectorSchema.Attribute.Flag.UNIQUE);
        }
        return flags;
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return ScimClient.JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConnectorException(
                    ConnectorError.of(
                            ConnectorError.Code.OTHER,
                            "the service's " + type.getSimpleName() + " is not valid SCIM: " + e.getMessage()),
                    e);
        }
    }
}
