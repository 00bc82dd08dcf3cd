package dev.joinery.engine.run;

import static dev.joinery.connector.spi.AttributeType.BOOLEAN;
import static dev.joinery.connector.spi.AttributeType.INTEGER;
import static dev.joinery.connector.spi.AttributeType.REFERENCE;
import static dev.joinery.connector.spi.AttributeType.STRING;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.store.TestStoreProvider;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.SyncSettings;
import dev.joinery.testkit.FakeClock;
import dev.joinery.testkit.InMemoryConnector;
import dev.joinery.testkit.InMemoryDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Three directories for end-to-end tests: "AD" (account forest), "RES" (resource forest with linked mailboxes) and
 * "cloud" (the target, which keeps userPrincipalName, proxyAddresses and mail unique and sourceAnchor immutable), an
 * in-memory store, a fake clock, and a {@link SyncEngine} over them.
 */
final class World {
    static final String AD = "AD";
    static final String RES = "RES";
    static final String CLOUD = "cloud";

    final FakeClock clock = FakeClock.create();
    final InMemoryDirectory ad = directory("ad", List.of());
    final InMemoryDirectory res = directory("res", List.of());
    final InMemoryDirectory cloud = directory("cloud", List.of("userPrincipalName", "proxyAddresses", "mail"));
    final InMemoryConnector adConnector =
            InMemoryConnector.builder(ad).schema(forestSchema()).build();
    final InMemoryConnector resConnector =
            InMemoryConnector.builder(res).schema(forestSchema()).build();
    final InMemoryConnector cloudConnector = InMemoryConnector.builder(cloud)
            .schema(cloudSchema())
            .maxBatchSize(10)
            .build();
    final SyncStore store = TestStoreProvider.newStore();
    final SyncSettings settings;
    SyncEngine engine;

    private World(List<SyncRule> rules, Consumer<SyncSettings.Builder> options) {
        SyncSettings.Builder b = SyncSettings.builder()
                .connector(ConnectorSettings.of(AD)
                        .withParameter("Domain.FQDN", "contoso.com")
                        .withSchema(forestSchema()))
                .connector(ConnectorSettings.of(RES)
                        .withParameter("Domain.FQDN", "res.contoso.com")
                        .withSchema(forestSchema()))
                .connector(ConnectorSettings.of(CLOUD)
                        .withSchema(cloudSchema())
                        .withImmutableAttributes("sourceAnchor")
                        .withUniqueAttributes("contoso.onmicrosoft.com", "userPrincipalName", "proxyAddresses", "mail"))
                .rules(rules)
                .clock(clock)
                .random(new SplittableRandom(42))
                .batchSize(10);
        options.accept(b);
        settings = b.build();
        engine = SyncEngine.builder(store, settings)
                .connector(AD, adConnector)
                .connector(RES, resConnector)
                .connector(CLOUD, cloudConnector)
                .build();
    }

    static World with(List<SyncRule> rules) {
        return new World(rules, b -> {});
    }

    static World with(List<SyncRule> rules, Consumer<SyncSettings.Builder> options) {
        return new World(rules, options);
    }

    private static InMemoryDirectory directory(String prefix, List<String> unique) {
        long[] next = {0};
        return InMemoryDirectory.builder()
                .anchors(() -> Anchor.of(String.format(Locale.ROOT, "%s-%04d", prefix, ++next[0])))
                .uniqueAttributes(unique)
                .build();
    }

    // ---- directory data ----

    /** A user in {@code directory} at {@code CN=<cn>,OU=Users,DC=<dc>}, with text attributes given in pairs. */
    static ConnectorObject user(InMemoryDirectory directory, String cn, Object... pairs) {
        return directory.add("user", "CN=" + cn + ",OU=Users,DC=example", values(pairs));
    }

    static ConnectorObject group(InMemoryDirectory directory, String cn, List<ConnectorObject> members) {
        Map<String, List<AttributeValue>> attrs = new LinkedHashMap<>();
        attrs.put("cn", List.of(AttributeValue.text(cn)));
        attrs.put("displayName", List.of(AttributeValue.text(cn)));
        if (!members.isEmpty()) {
            attrs.put(
                    "member",
                    members.stream()
                            .map(m -> (AttributeValue) AttributeValue.reference(m.dn()))
                            .toList());
        }
        return directory.add("group", "CN=" + cn + ",OU=Groups,DC=example", attrs);
    }

    /** Attribute values from pairs: a String, Long, Boolean or List of them per name. */
    static Map<String, List<AttributeValue>> values(Object... pairs) {
        Map<String, List<AttributeValue>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            List<?> list = v instanceof List<?> l ? l : List.of(v);
            map.put((String) pairs[i], list.stream().map(World::value).toList());
        }
        return map;
    }

    static AttributeValue value(Object v) {
        if (v instanceof AttributeValue a) {
            return a;
        } else if (v instanceof Long l) {
            return AttributeValue.integer(l);
        } else if (v instanceof Integer n) {
            return AttributeValue.integer(n);
        } else if (v instanceof Boolean b) {
            return AttributeValue.bool(b);
        }
        return AttributeValue.text((String) v);
    }

    // ---- store reads ----

    <T> T read(Function<SyncTransaction, T> read) {
        try (SyncTransaction tx = store.begin()) {
            return read.apply(tx);
        }
    }

    Optional<CsObject> cs(String connector, String dn) {
        return read(tx -> tx.csByDn(connector, dn));
    }

    List<CsObject> csObjects(String connector) {
        return read(tx ->
                tx.csIds(connector).stream().map(id -> tx.cs(id).orElseThrow()).toList());
    }

    /** The metaverse object linked to a connector-space object. */
    Optional<MvObject> mvOf(String connector, String dn) {
        return read(tx -> tx.csByDn(connector, dn)
                .filter(CsObject::isLinked)
                .flatMap(cs -> tx.mv(cs.link().mvId())));
    }

    List<MvObject> mvWith(String attribute, String value) {
        return read(tx -> tx.findMv(null, attribute, AttributeValue.text(value)).stream()
                .map(id -> tx.mv(id).orElseThrow())
                .toList());
    }

    int mvCount() {
        return read(SyncTransaction::mvCount);
    }

    List<PendingExport> pending(String connector) {
        return read(tx -> tx.pendingExports(connector));
    }

    List<ObjectError> errors(RunRecord run) {
        return read(tx -> tx.errors(run.id()));
    }

    /** Every error of every run of a connector so far. */
    List<ObjectError> errorsOf(String connector) {
        return errors(runs(connector));
    }

    List<RunRecord> runs(String connector) {
        return read(tx -> tx.runs(connector));
    }

    List<UUID> pendingImports(String connector) {
        return read(tx -> tx.pendingImports(connector));
    }

    List<ObjectError> errors(List<RunRecord> runs) {
        List<ObjectError> all = new ArrayList<>();
        runs.forEach(r -> all.addAll(errors(r)));
        return all;
    }

    /** The run of a step on a connector among a cycle's runs. */
    static RunRecord run(List<RunRecord> runs, dev.joinery.engine.model.RunStep step, String connector) {
        return runs.stream()
                .filter(r -> r.step() == step && r.connector().equals(connector))
                .findFirst()
                .orElseThrow();
    }

    static RunRecord cloudExport(List<RunRecord> runs) {
        return run(runs, dev.joinery.engine.model.RunStep.EXPORT, CLOUD);
    }

    static String text(MvObject mv, String attribute) {
        List<AttributeValue> v = mv.values(attribute);
        return v.isEmpty() ? null : v.get(0).toString();
    }

    static String text(ConnectorObject o, String attribute) {
        AttributeValue v = o.first(attribute);
        return v == null ? null : v.toString();
    }

    static UUID mvId(CsObject cs) {
        return cs.link().mvId();
    }

    // ---- schemas ----

    static ConnectorSchema forestSchema() {
        return new ConnectorSchema(List.of(
                type(
                        "user",
                        "objectGUID",
                        Map.ofEntries(
                                Map.entry("cn", STRING),
                                Map.entry("displayName", STRING),
                                Map.entry("givenName", STRING),
                                Map.entry("sn", STRING),
                                Map.entry("sAMAccountName", STRING),
                                Map.entry("userPrincipalName", STRING),
                                Map.entry("mail", STRING),
                                Map.entry("mailNickname", STRING),
                                Map.entry("employeeID", STRING),
                                Map.entry("department", STRING),
                                Map.entry("title", STRING),
                                Map.entry("objectSid", STRING),
                                Map.entry("msExchMasterAccountSid", STRING),
                                Map.entry("manager", REFERENCE),
                                Map.entry("userAccountControl", INTEGER),
                                Map.entry("extensionAttribute1", STRING)),
                        List.of("proxyAddresses")),
                type(
                        "group",
                        "objectGUID",
                        Map.of("cn", STRING, "displayName", STRING, "mail", STRING, "groupType", INTEGER),
                        List.of("member"))));
    }

    static ConnectorSchema cloudSchema() {
        return new ConnectorSchema(List.of(
                type(
                        "user",
                        "id",
                        Map.ofEntries(
                                Map.entry("displayName", STRING),
                                Map.entry("givenName", STRING),
                                Map.entry("sn", STRING),
                                Map.entry("userPrincipalName", STRING),
                                Map.entry("mail", STRING),
                                Map.entry("sourceAnchor", STRING),
                                Map.entry("department", STRING),
                                Map.entry("title", STRING),
                                Map.entry("manager", REFERENCE),
                                Map.entry("accountEnabled", BOOLEAN)),
                        List.of("proxyAddresses")),
                type(
                        "group",
                        "id",
                        Map.of("displayName", STRING, "sourceAnchor", STRING, "mail", STRING),
                        List.of("member"))));
    }

    private static ConnectorSchema.ObjectType type(
            String name, String anchor, Map<String, AttributeType> single, List<String> multi) {
        List<ConnectorSchema.Attribute> attributes = new ArrayList<>();
        single.forEach((n, t) -> attributes.add(new ConnectorSchema.Attribute(n, t, false)));
        for (String m : multi) {
            attributes.add(new ConnectorSchema.Attribute(m, m.equals("member") ? REFERENCE : STRING, true));
        }
        return new ConnectorSchema.ObjectType(name, anchor, attributes);
    }
}
