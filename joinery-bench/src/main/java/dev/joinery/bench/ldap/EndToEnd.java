package dev.joinery.bench.ldap;

import dev.joinery.connector.ldap.LdapConnector;
import dev.joinery.connector.ldap.LdapConnectorConfig;
import dev.joinery.connector.ldap.Secret;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import dev.joinery.engine.run.SyncEngine;
import dev.joinery.engine.store.InMemorySyncStore;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.SyncSettings;
import dev.joinery.store.JdbcSyncStore;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * LDAP to LDAP through the engine: 10,000 inetOrgPersons from {@code ou=e2e} of the source database into
 * {@code ou=people} of the target database with a simple rule set (a join on employeeNumber that projects,
 * names and mail; provisioning with a computed DN), then a cycle when nothing changed.
 */
final class EndToEnd {
    private static final String SRC = "ldap-source";
    private static final String DST = "ldap-target";
    private static final String PERSON = "inetOrgPerson";

    private EndToEnd() {}

    private static LdapConnector connector(String url, char[] password, String suffix, String container) {
        return new LdapConnector(LdapConnectorConfig.builder()
                .host(url.replaceFirst("^ldap://", ""))
                .security(LdapConnectorConfig.Security.NONE)
                .bind("cn=admin," + suffix, Secret.literal(password.clone()))
                .partition(suffix)
                .includeContainer(container)
                .anchor(LdapConnectorConfig.AnchorKind.ENTRY_UUID)
                .deltaStrategy(LdapConnectorConfig.DeltaStrategy.CONTENT_SYNC)
                .pageSize(1000)
                .objectType(LdapConnectorConfig.ObjectTypeConfig.of(
                        PERSON, PERSON, "top", "person", "organizationalPerson", PERSON))
                .build());
    }

    static List<SyncRule> rules() {
        return List.of(
                SyncRule.builder("In from LDAP - Join")
                        .connector(SRC)
                        .direction(Direction.INBOUND)
                        .sourceObjectType(PERSON)
                        .targetObjectType("person")
                        .precedence(100)
                        .linkType(LinkType.PROVISION)
                        .joinGroup(JoinGroup.of(JoinCondition.of("employeeNumber", "employeeID")))
                        .transformation(Transformation.direct("employeeNumber", "employeeID"))
                        .transformation(Transformation.direct("uid", "uid"))
                        .transformation(Transformation.direct("givenName", "givenName"))
                        .transformation(Transformation.direct("sn", "sn"))
                        .transformation(Transformation.expression("displayName", "[givenName] & \" \" & UCase([sn])"))
                        .transformation(Transformation.direct("mail", "mail"))
                        .transformation(Transformation.direct("title", "title"))
                        .build(),
                SyncRule.builder("Out to LDAP - Provision")
                        .connector(DST)
                        .direction(Direction.OUTBOUND)
                        .sourceObjectType("person")
                        .targetObjectType(PERSON)
                        .precedence(100)
                        .linkType(LinkType.PROVISION)
                        .scope(ScopeFilter.allOf(ScopeClause.of("uid", ScopeOperator.ISNOTNULL)))
                        .joinGroup(JoinGroup.of(new JoinCondition("uid", "uid", true)))
                        .transformation(Transformation.expression(
                                "dn", "\"uid=\" & [uid] & \",ou=people," + LdapBenchmark.TARGET + "\""))
                        .transformation(Transformation.direct("uid", "uid"))
                        .transformation(Transformation.direct("cn", "displayName"))
                        .transformation(Transformation.direct("sn", "sn"))
                        .transformation(Transformation.direct("givenName", "givenName"))
                        .transformation(Transformation.direct("displayName", "displayName"))
                        .transformation(Transformation.direct("mail", "mail"))
                        .transformation(Transformation.direct("title", "title"))
                        .build());
    }

    private static ConnectorSchema schema(LdapConnector c) {
        c.open(LdapBenchmark.context("schema"));
        try {
            return c.discoverSchema();
        } finally {
            c.close();
        }
    }

    static void run(String url, char[] password, String storeKind, String rawAdds) throws Exception {
        LdapConnector src = connector(url, password, LdapBenchmark.SOURCE, "ou=e2e," + LdapBenchmark.SOURCE);
        LdapConnector dst = connector(url, password, LdapBenchmark.TARGET, "ou=people," + LdapBenchmark.TARGET);
        SyncStore store = storeKind.equals("h2")
                ? JdbcSyncStore.h2(Files.createTempDirectory("joinery-bench").resolve("store"))
                : InMemorySyncStore.create();
        SyncSettings settings = SyncSettings.builder()
                .connector(ConnectorSettings.of(SRC).withSchema(schema(src)))
                .connector(ConnectorSettings.of(DST).withSchema(schema(dst)))
                .rules(rules())
                .batchSize(500)
                .build();
        SyncEngine engine = SyncEngine.builder(store, settings)
                .connector(SRC, src)
                .connector(DST, dst)
                .build();
        System.out.printf(Locale.ROOT, "  store: %s; raw ldapadd into the same slapd: %s adds/s%n", storeKind, rawAdds);
        long start = System.nanoTime();
        step("full import", () -> engine.fullImport(SRC));
        step("full synchronization", () -> engine.fullSync(SRC));
        double export = step("export (creates)", () -> engine.export(DST));
        step("confirming import", () -> engine.fullImport(DST));
        System.out.printf(
                Locale.ROOT,
                "  creates: %,.0f/s (target >= 2,500/s; raw ldapadd %s/s); initial cycle %.1f s%n",
                10_000 / export,
                rawAdds,
                (System.nanoTime() - start) / 1e9);
        directExport(url, password);
        for (int round = 1; round <= 2; round++) {
            long t = System.nanoTime();
            step("delta import", () -> engine.deltaImport(SRC));
            step("delta synchronization", () -> engine.deltaSync(SRC));
            step("export", () -> engine.export(DST));
            step("delta import (target)", () -> engine.deltaImport(DST));
            System.out.printf(
                    Locale.ROOT,
                    "  cycle with nothing changed (#%d): %.2f s (target < 1 s)%n",
                    round,
                    (System.nanoTime() - t) / 1e9);
        }
        store.close();
    }

    /** The connector alone, without the engine: 10,000 adds in batches of its maxBatchSize into ou=direct. */
    private static void directExport(String url, char[] password) {
        try (LdapConnector c = connector(url, password, LdapBenchmark.TARGET, "ou=direct," + LdapBenchmark.TARGET)) {
            c.open(LdapBenchmark.context("direct"));
            List<dev.joinery.connector.spi.ExportChange> batch = new java.util.ArrayList<>();
            long t = System.nanoTime();
            long applied = 0;
            for (int i = 0; i < 10_000; i++) {
                String uid = "d" + i;
                batch.add(new dev.joinery.connector.spi.ExportChange.Add(
                        PERSON,
                        "uid=" + uid + ",ou=direct," + LdapBenchmark.TARGET,
                        java.util.Map.of(
                                "uid", List.of(dev.joinery.connector.spi.AttributeValue.text(uid)),
                                "cn", List.of(dev.joinery.connector.spi.AttributeValue.text("Direct " + i)),
                                "sn", List.of(dev.joinery.connector.spi.AttributeValue.text("Direct")),
                                "mail", List.of(dev.joinery.connector.spi.AttributeValue.text(uid + "@bench.test")))));
                if (batch.size() == c.maxBatchSize() || i == 9_999) {
                    applied +=
                            c.export(batch).stream().filter(r -> r.isApplied()).count();
                    batch.clear();
                }
            }
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "  the connector alone (no engine): %,d creates in %.2f s = %,.0f/s%n",
                    applied,
                    s,
                    applied / s);
        }
    }

    private interface Step {
        RunRecord run();
    }

    private static double step(String name, Step step) {
        long t = System.nanoTime();
        RunRecord r = step.run();
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "    %-22s %7.2f s  %s %s%n", name, s, r.status(), r.counts());
        return s;
    }
}
