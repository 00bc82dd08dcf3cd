package dev.joinery.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.emulator.graph.EmulatedTenant;
import dev.joinery.emulator.graph.GraphEmulator;
import dev.joinery.testkit.ConnectorFixture;
import dev.joinery.testkit.TestConnectorContext;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ConnectorFixture} over a fresh {@link GraphEmulator} per fixture; the backdoor is the emulator's
 * {@link EmulatedTenant}, which bypasses Graph, auth and throttling. Users live in {@code contoso.example}.
 */
final class EmulatorFixture implements ConnectorFixture {
    static final String DOMAIN = "contoso.example";
    final GraphEmulator emulator;
    final EmulatedTenant tenant;
    final GraphConnector connector;
    final ConnectorContext context;

    EmulatorFixture(GraphEmulator emulator, Clock clock, Sleeper sleeper) {
        this.emulator = emulator;
        this.tenant =
                emulator.tenant("contoso").registerApp("joinery", "s3cret!").addVerifiedDomain(DOMAIN);
        this.context = TestConnectorContext.of(clock);
        this.connector = new GraphConnector(config(emulator).build(), sleeper);
        connector.open(context);
    }

    static EmulatorFixture started() {
        return new EmulatorFixture(GraphEmulator.start(0), Clock.systemUTC(), Sleeper.system());
    }

    static GraphConnectorConfig.Builder config(GraphEmulator emulator) {
        return GraphConnectorConfig.builder()
                .tenant("contoso")
                .authority(URI.create(emulator.baseUrl()))
                .graphEndpoint(URI.create(emulator.graphUrl()))
                .clientId("joinery")
                .clientSecret(SecretReference.value("s3cret!"))
                .tokenClient(GraphConnectorConfig.TokenClient.HTTP_FORM);
    }

    @Override
    public Connector connector() {
        return connector;
    }

    @Override
    public ConnectorContext context() {
        return context;
    }

    @Override
    public Anchor create(String objectType, String dn, Map<String, List<AttributeValue>> attributes) {
        GraphSchema.Type t = GraphSchema.type(objectType).orElseThrow();
        String id = tenant.create(t.name, GraphSchema.createBody(t, dn, attributes));
        for (AttributeValue m : attributes.getOrDefault(GraphSchema.MEMBERS, List.of())) {
            tenant.addMember(id, idOf(m.toString()));
        }
        return Anchor.of(id);
    }

    @Override
    public void modify(Anchor anchor, List<AttributeChange> changes) {
        GraphSchema.Type t = typeOf(tenant.get(anchor.value()).orElseThrow());
        ObjectNode patch = GraphClient.JSON.createObjectNode();
        for (AttributeChange c : changes) {
            if (c.name().equalsIgnoreCase(GraphSchema.MEMBERS)) {
                for (AttributeValue v : c.values()) {
                    if (c.operation() == AttributeChange.Operation.ADD) {
                        tenant.addMember(anchor.value(), idOf(v.toString()));
                    } else {
                        tenant.removeMember(anchor.value(), idOf(v.toString()));
                    }
                }
            } else {
                patch.set(
                        c.name(),
                        GraphSchema.toJson(GraphSchema.attribute(t, c.name()).orElseThrow(), c.values()));
            }
        }
        tenant.update(anchor.value(), patch);
    }

    @Override
    public void rename(Anchor anchor, String newDn) {
        GraphSchema.Type t = GraphSchema.typeOfDn(newDn).orElseThrow();
        tenant.update(
                anchor.value(), GraphClient.JSON.createObjectNode().put(t.naming, GraphSchema.namingValue(newDn)));
    }

    @Override
    public void delete(Anchor anchor) {
        tenant.delete(anchor.value());
    }

    @Override
    public Optional<ConnectorObject> read(Anchor anchor) {
        return tenant.get(anchor.value()).map(o -> {
            GraphSchema.Type t = typeOf(o);
            List<String> members = new ArrayList<>();
            if (t == GraphSchema.Type.GROUP) {
                tenant.members(anchor.value())
                        .forEach(m -> tenant.get(m).ifPresent(mo -> members.add(GraphSchema.dn(typeOf(mo), mo))));
            }
            return GraphSchema.toObject(t, o, members);
        });
    }

    @Override
    public String userType() {
        return "user";
    }

    @Override
    public String groupType() {
        return "group";
    }

    @Override
    public String userDn(String name) {
        return "users/" + name + "@" + DOMAIN;
    }

    @Override
    public String groupDn(String name) {
        return "groups/" + name;
    }

    @Override
    public Optional<String> userDnInOtherContainer(String name) {
        return Optional.empty();
    }

    @Override
    public Map<String, List<AttributeValue>> userAttributes(String name) {
        return new java.util.TreeMap<>(Map.of(
                "displayName", List.of(AttributeValue.text(name)),
                "mailNickname", List.of(AttributeValue.text(name)),
                "accountEnabled", List.of(AttributeValue.bool(true))));
    }

    @Override
    public Map<String, List<AttributeValue>> groupAttributes(String name) {
        return new java.util.TreeMap<>(Map.of(
                "displayName", List.of(AttributeValue.text(name)),
                "mailEnabled", List.of(AttributeValue.bool(false)),
                "securityEnabled", List.of(AttributeValue.bool(true))));
    }

    /** jobTitle, not displayName: Graph refuses to clear a displayName (notes §1.2). */
    @Override
    public String textAttribute() {
        return "jobTitle";
    }

    @Override
    public Optional<String> binaryAttribute() {
        return Optional.empty();
    }

    @Override
    public String memberAttribute() {
        return GraphSchema.MEMBERS;
    }

    @Override
    public void close() {
        connector.close();
        emulator.close();
    }

    private String idOf(String dn) {
        GraphSchema.Type t = GraphSchema.typeOfDn(dn).orElseThrow();
        return tenant.find(t.name, t.naming, GraphSchema.namingValue(dn))
                .orElseThrow(() -> new IllegalArgumentException("no object " + dn));
    }

    static GraphSchema.Type typeOf(JsonNode o) {
        if (o.has("userPrincipalName")) {
            return GraphSchema.Type.USER;
        }
        if (o.has("securityEnabled")) {
            return GraphSchema.Type.GROUP;
        }
        return o.has("deviceId") ? GraphSchema.Type.DEVICE : GraphSchema.Type.CONTACT;
    }
}
