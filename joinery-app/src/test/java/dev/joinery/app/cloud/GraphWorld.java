package dev.joinery.app.cloud;

import static dev.joinery.connector.spi.AttributeType.REFERENCE;
import static dev.joinery.connector.spi.AttributeType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.graph.GraphConnector;
import dev.joinery.connector.graph.GraphConnectorConfig;
import dev.joinery.connector.graph.SecretReference;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.emulator.graph.EmulatedTenant;
import dev.joinery.emulator.graph.GraphEmulator;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import dev.joinery.engine.run.SyncEngine;
import dev.joinery.engine.store.InMemorySyncStore;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.SyncSettings;
import dev.joinery.testkit.FakeClock;
import dev.joinery.testkit.InMemoryConnector;
import dev.joinery.testkit.InMemoryDirectory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The engine between an HR directory (the testkit's in-memory connector, the source) and an Entra ID tenant (the
 * Graph connector over loopback HTTP to a {@link GraphEmulator}), on one fake clock that the Graph connector's
 * sleeper advances: a {@code Retry-After} is waited out in no real time. Users are {@code CN=<name>,OU=People} with
 * {@code employeeID} (the sourceAnchor), {@code upn}, {@code displayName}, {@code title}, {@code mail}; groups
 * {@code CN=<name>,OU=Groups} with {@code member}. Not thread-safe.
 */
final class GraphWorld implements AutoCloseable {
    static final String HR = "hr";
    static final String ENTRA = "entra";
    static final String DOMAIN = "contoso.example";

    final FakeClock clock = FakeClock.at(Instant.now());
    final List<Duration> slept = new ArrayList<>();
    final InMemoryDirectory hr = InMemoryDirectory.create();
    final GraphEmulator emulator;
    final EmulatedTenant tenant;
    final SyncStore store = InMemorySyncStore.create();
    final SyncEngine engine;

    GraphWorld(GraphEmulator.Builder emulatorSettings) {
        emulator = emulatorSettings.clock(clock).start();
        tenant = emulator.tenant("contoso").registerApp("joinery", "s3cret!").addVerifiedDomain(DOMAIN);
        GraphConnector graph = new GraphConnector(
                GraphConnectorConfig.builder()
                        .tenant("contoso")
                        .authority(URI.create(emulator.baseUrl()))
                        .graphEndpoint(URI.create(emulator.graphUrl()))
                        .clientId("joinery")
                        .clientSecret(SecretReference.value("s3cret!"))
                        .tokenClient(GraphConnectorConfig.TokenClient.HTTP_FORM)
                        .build(),
                d -> {
                    slept.add(d);
                    clock.advance(d);
                });
        SyncSettings settings = SyncSettings.builder()
                .connector(ConnectorSettings.of(HR).withSchema(hrSchema()))
                .connector(ConnectorSettings.of(ENTRA)
                        .withSchema(graph.discoverSchema())
                        .withImmutableAttributes("onPremisesImmutableId")
                        .withUniqueAttributes("contoso.onmicrosoft.com", "userPrincipalName", "mail", "proxyAddresses"))
                .rules(rules())
                .clock(clock)
                .random(new SplittableRandom(42))
                .build();
        engine = SyncEngine.builder(store, settings)
                .connector(HR, InMemoryConnector.builder(hr).schema(hrSchema()).build())
                .connector(ENTRA, graph)
                .build();
    }

    // ---- the HR side ----

    ConnectorObject person(String name, String title) {
        return hr.add("user", "CN=" + name + ",OU=People", values(name, title, name + "@" + DOMAIN));
    }

    ConnectorObject person(String name, String title, String mail) {
        return hr.add("user", "CN=" + name + ",OU=People", values(name, title, mail));
    }

    private static Map<String, List<AttributeValue>> values(String name, String title, String mail) {
        Map<String, List<AttributeValue>> v = new TreeMap<>();
        v.put("cn", List.of(AttributeValue.text(name)));
        v.put("employeeID", List.of(AttributeValue.text("E-" + name)));
        v.put("upn", List.of(AttributeValue.text(name + "@" + DOMAIN)));
        v.put("displayName", List.of(AttributeValue.text(name.toUpperCase(Locale.ROOT))));
        v.put("title", List.of(AttributeValue.text(title)));
        v.put("mail", List.of(AttributeValue.text(mail)));
        return v;
    }

    ConnectorObject group(String name, List<ConnectorObject> members) {
        Map<String, List<AttributeValue>> v = new TreeMap<>();
        v.put("cn", List.of(AttributeValue.text(name)));
        v.put("displayName", List.of(AttributeValue.text("Group " + name)));
        if (!members.isEmpty()) {
            v.put(
                    "member",
                    members.stream()
                            .map(m -> (AttributeValue) AttributeValue.reference(m.dn()))
                            .toList());
        }
        return hr.add("group", "CN=" + name + ",OU=Groups", v);
    }

    /** {@code n} people {@code user0 ...} with a random title from the seeded generator. */
    List<ConnectorObject> people(SplittableRandom random, int n) {
        List<ConnectorObject> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            made.add(person("user" + i, "Title " + random.nextInt(5)));
        }
        return made;
    }

    /** A random membership for each of {@code groups} among {@code people}, from the seeded generator. */
    List<ConnectorObject> groups(SplittableRandom random, int groups, List<ConnectorObject> people) {
        List<ConnectorObject> made = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<ConnectorObject> members = new ArrayList<>();
            for (ConnectorObject p : people) {
                if (random.nextInt(3) == 0) {
                    members.add(p);
                }
            }
            made.add(group("team" + g, members));
        }
        return made;
    }

    Anchor anchor(String dn) {
        return hr.findByDn(dn).orElseThrow().anchor();
    }

    // ---- what the tenant must hold ----

    /** Users by userPrincipalName: displayName, jobTitle, mail and onPremisesImmutableId, as the rules flow them. */
    Map<String, String> expectedUsers() {
        Map<String, String> out = new TreeMap<>();
        for (ConnectorObject o : hr.objects()) {
            if (o.objectType().equals("user")) {
                out.put(
                        text(o, "upn").toLowerCase(Locale.ROOT),
                        text(o, "displayName") + "|" + text(o, "title") + "|" + text(o, "mail") + "|"
                                + text(o, "employeeID"));
            }
        }
        return out;
    }

    Map<String, String> actualUsers() {
        Map<String, String> out = new TreeMap<>();
        for (String id : tenant.ids("user")) {
            ObjectNode u = tenant.get(id).orElseThrow();
            out.put(
                    u.path("userPrincipalName").asText().toLowerCase(Locale.ROOT),
                    u.path("displayName").asText() + "|" + u.path("jobTitle").asText() + "|"
                            + u.path("mail").asText(null) + "|"
                            + u.path("onPremisesImmutableId").asText());
        }
        return out;
    }

    /** Groups by mailNickname: displayName and the userPrincipalNames of their members. */
    Map<String, String> expectedGroups() {
        Map<String, String> out = new TreeMap<>();
        for (ConnectorObject o : hr.objects()) {
            if (o.objectType().equals("group")) {
                TreeSet<String> members = new TreeSet<>();
                for (AttributeValue m : o.values("member")) {
                    hr.findByDn(m.toString())
                            .ifPresent(p -> members.add(text(p, "upn").toLowerCase(Locale.ROOT)));
                }
                out.put(text(o, "cn").toLowerCase(Locale.ROOT), text(o, "displayName") + "|" + members);
            }
        }
        return out;
    }

    Map<String, String> actualGroups() {
        Map<String, String> out = new TreeMap<>();
        for (String id : tenant.ids("group")) {
            ObjectNode g = tenant.get(id).orElseThrow();
            TreeSet<String> members = new TreeSet<>();
            for (String m : tenant.members(id)) {
                members.add(tenant.get(m)
                        .orElseThrow()
                        .path("userPrincipalName")
                        .asText()
                        .toLowerCase(Locale.ROOT));
            }
            out.put(
                    g.path("mailNickname").asText().toLowerCase(Locale.ROOT),
                    g.path("displayName").asText() + "|" + members);
        }
        return out;
    }

    // ---- the store ----

    List<ObjectError> errors(List<RunRecord> runs) {
        List<ObjectError> all = new ArrayList<>();
        try (SyncTransaction tx = store.begin()) {
            runs.forEach(r -> all.addAll(tx.errors(r.id())));
        }
        return all;
    }

    int pendingExports() {
        try (SyncTransaction tx = store.begin()) {
            return tx.pendingExports(ENTRA).size();
        }
    }

    @Override
    public void close() {
        emulator.close();
    }

    private static String text(ConnectorObject o, String attribute) {
        AttributeValue v = o.first(attribute);
        return v == null ? null : v.toString();
    }

    // ---- schema and rules ----

    static ConnectorSchema hrSchema() {
        List<ConnectorSchema.Attribute> user = new ArrayList<>();
        for (String a : List.of("cn", "employeeID", "upn", "displayName", "title", "mail")) {
            user.add(new ConnectorSchema.Attribute(a, STRING, false));
        }
        return new ConnectorSchema(List.of(
                new ConnectorSchema.ObjectType("user", "id", user),
                new ConnectorSchema.ObjectType(
                        "group",
                        "id",
                        List.of(
                                new ConnectorSchema.Attribute("cn", STRING, false),
                                new ConnectorSchema.Attribute("displayName", STRING, false),
                                new ConnectorSchema.Attribute("member", REFERENCE, true)))));
    }

    private static SyncRule.Builder provision(
            String name, String connector, Direction direction, String from, String to, int precedence) {
        return SyncRule.builder(name)
                .connector(connector)
                .direction(direction)
                .sourceObjectType(from)
                .targetObjectType(to)
                .linkType(LinkType.PROVISION)
                .precedence(precedence);
    }

    static List<SyncRule> rules() {
        return List.of(
                provision("In from HR - Person", HR, Direction.INBOUND, "user", "person", 100)
                        .joinGroup(JoinGroup.of(JoinCondition.of("employeeID", "employeeID")))
                        .transformation(Transformation.direct("employeeID", "employeeID"))
                        .transformation(Transformation.direct("sourceAnchor", "employeeID"))
                        .transformation(Transformation.direct("userPrincipalName", "upn"))
                        .transformation(Transformation.direct("displayName", "displayName"))
                        .transformation(Transformation.direct("title", "title"))
                        .transformation(Transformation.direct("mail", "mail"))
                        .transformation(Transformation.direct("cn", "cn"))
                        .build(),
                provision("In from HR - Group", HR, Direction.INBOUND, "group", "group", 101)
                        .transformation(Transformation.expression("sourceAnchor", "\"g-\" & [cn]"))
                        .transformation(Transformation.direct("mailNickname", "cn"))
                        .transformation(Transformation.direct("displayName", "displayName"))
                        .transformation(Transformation.direct("member", "member"))
                        .build(),
                provision("Out to AAD - User Join", ENTRA, Direction.OUTBOUND, "person", "user", 200)
                        .joinGroup(JoinGroup.of(new JoinCondition("sourceAnchor", "onPremisesImmutableId", true)))
                        .transformation(Transformation.expression("dn", "\"users/\" & [userPrincipalName]"))
                        .transformation(Transformation.direct("onPremisesImmutableId", "sourceAnchor"))
                        .transformation(Transformation.direct("userPrincipalName", "userPrincipalName"))
                        .transformation(Transformation.direct("displayName", "displayName"))
                        .transformation(Transformation.direct("mailNickname", "cn"))
                        .transformation(Transformation.direct("jobTitle", "title"))
                        .transformation(Transformation.direct("mail", "mail"))
                        .transformation(Transformation.constant("accountEnabled", "True"))
                        .build(),
                provision("Out to AAD - Group Join", ENTRA, Direction.OUTBOUND, "group", "group", 201)
                        .joinGroup(JoinGroup.of(JoinCondition.of("mailNickname", "mailNickname")))
                        .transformation(Transformation.expression("dn", "\"groups/\" & [mailNickname]"))
                        .transformation(Transformation.direct("displayName", "displayName"))
                        .transformation(Transformation.direct("mailNickname", "mailNickname"))
                        .transformation(Transformation.constant("mailEnabled", "False"))
                        .transformation(Transformation.constant("securityEnabled", "True"))
                        .transformation(Transformation.direct("members", "member"))
                        .build());
    }
}
