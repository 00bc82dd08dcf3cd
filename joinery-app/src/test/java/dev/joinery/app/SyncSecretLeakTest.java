package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.joinery.app.run.StoreFactory;
import dev.joinery.emulator.graph.GraphEmulator;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret-leak check extended to sync runs: an LDAP directory and a Graph tenant that accept only the known
 * secrets, a cycle that uses them, and a cycle whose secrets are wrong; the secrets appear in no output.
 */
class SyncSecretLeakTest {
    private static final String LDAP_SECRET = "Canary-ldap-4b1d9-Pa55";
    private static final String GRAPH_SECRET = "Canary-graph-8c2e7-Pa55";

    @TempDir
    Path dir;

    private InMemoryDirectoryServer ldap;
    private GraphEmulator graph;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig c = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        c.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0, null));
        c.addAdditionalBindCredentials("cn=sync,dc=example,dc=com", LDAP_SECRET);
        ldap = new InMemoryDirectoryServer(c);
        ldap.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        ldap.add(
                "dn: uid=jdoe,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: jdoe", "cn: John Doe", "sn: Doe");
        ldap.startListening();
        graph = GraphEmulator.start(0);
        graph.tenant("contoso").registerApp("app", GRAPH_SECRET).addVerifiedDomain("contoso.com");
        Files.createDirectories(dir.resolve("rules"));
    }

    @AfterEach
    void stop() {
        ldap.shutDown(true);
        graph.close();
    }

    private Path config(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                connectors:
                  - name: LDAP
                    kind: ldap
                    hosts: [127.0.0.1:%d]
                    security: none
                    bind: {dn: 'cn=sync,dc=example,dc=com', password: '${env:LDAP_PASSWORD}'}
                    partitions: ['dc=example,dc=com']
                    objectTypes: [inetOrgPerson]
                    anchor: entryUUID
                    delta: {strategy: modify-timestamp}
                  - name: Tenant
                    kind: graph
                    tenant: contoso
                    authority: %s
                    graphEndpoint: %s
                    clientId: app
                    clientSecret: ${file:graph-secret.txt}
                    tokenClient: http-form
                store: {path: store-%s}
                rules: rules
                """.formatted(ldap.getListenPort(), graph.baseUrl(), graph.graphUrl(), name));
        return file;
    }

    @Test
    void noSyncOutputCarriesASecretWhetherTheSecretsWorkOrNot() throws Exception {
        List<String> captured = new ArrayList<>();
        Files.writeString(dir.resolve("graph-secret.txt"), GRAPH_SECRET + "\n");
        Path good = config("good.yaml");
        Map<String, String> env = Map.of("LDAP_PASSWORD", LDAP_SECRET);

        CliRun first = run(env, "sync", "-c", good.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("LDAP", "Full Import", "success");
        captured.add(first.out() + first.err());
        for (List<String> args : List.of(
                List.of("sync", "--json"),
                List.of("status", "--json"),
                List.of("errors", "--json"),
                List.of("cs", "search", "--connector", "LDAP", "--json"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("-c", good.toString()));
            CliRun run = run(env, all.toArray(String[]::new));
            captured.add(run.out() + run.err());
        }

        Files.writeString(dir.resolve("graph-secret.txt"), "wrong-" + GRAPH_SECRET);
        Path bad = config("bad.yaml");
        CliRun failing = run(Map.of("LDAP_PASSWORD", "x" + LDAP_SECRET), "sync", "-c", bad.toString());
        captured.add(failing.out() + failing.err());
        CliRun errors = run(Map.of("LDAP_PASSWORD", "x" + LDAP_SECRET), "errors", "-c", bad.toString());
        captured.add(errors.out() + errors.err());

        assertThat(failing.exitCode()).isEqualTo(ExitCodes.CONNECTOR_FAILED);
        assertThat(errors.out()).contains("could not be opened");
        assertThat(captured)
                .noneMatch(text -> text.contains(LDAP_SECRET.substring(0, 12)))
                .noneMatch(text -> text.contains(GRAPH_SECRET.substring(0, 12)));
    }

    private static CliRun run(Map<String, String> env, String... args) {
        return CliRun.run(Joinery.newCommandLine(env::get, StoreFactory.DEFAULT), args);
    }
}
