package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joinery.app.run.StoreFactory;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.testkit.InMemoryConnectorFactory;
import dev.joinery.testkit.InMemoryDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync commands in-process over two {@code inmemory} connectors ("AD" and "cloud") and an in-memory store: the
 * cycle and single run profiles, the read commands with their {@code --json} shapes, and the exit codes of limits.
 */
class SyncCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String ad;
    private String cloud;
    private Path config;
    /** In memory, to keep the test fast; {@link #theDefaultStoreKeepsRunsBetweenCommands} uses the H2 store. */
    private StoreFactory stores = StoreFactory.inMemory();

    @BeforeEach
    void setUp() throws Exception {
        String id = UUID.randomUUID().toString();
        ad = "ad-" + id;
        cloud = "cloud-" + id;
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/rules.yaml"), """
                - name: In from AD - User Join
                  connector: AD
                  direction: Inbound
                  sourceObjectType: user
                  targetObjectType: person
                  linkType: Provision
                  precedence: 100
                  join:
                    - - {source: sAMAccountName, target: accountName}
                  flows:
                    - {target: accountName, direct: sAMAccountName}
                    - {target: displayName, direct: displayName}
                    - {target: department, direct: department}
                - name: Out to cloud - User Join
                  connector: cloud
                  direction: Outbound
                  sourceObjectType: person
                  targetObjectType: user
                  linkType: Provision
                  precedence: 200
                  join:
                    - - {source: accountName, target: sAMAccountName}
                  flows:
                    - target: dn
                      expression: '"CN=" & [accountName] & ",OU=Cloud"'
                    - {target: sAMAccountName, direct: accountName}
                    - {target: displayName, direct: displayName}
                    - {target: department, direct: department}
                """);
        config = writeConfig("", "");
        for (String sam : List.of("alice", "bob", "carol")) {
            user(sam, "Sales");
        }
    }

    private Path writeConfig(String thresholds, String extra) throws Exception {
        Path file = dir.resolve("joinery.yaml");
        Files.writeString(file, """
                connectors:
                  - name: AD
                    kind: inmemory
                    directory: %s
                  - name: cloud
                    kind: inmemory
                    directory: %s
                store:
                  path: store-%s
                rules: rules
                %s
                %s
                """.formatted(ad, cloud, ad, thresholds, extra));
        return file;
    }

    private ConnectorObject user(String sam, String department) {
        return directory(ad)
                .add(
                        "user",
                        "CN=" + sam + ",OU=Users,DC=contoso",
                        Map.of(
                                "sAMAccountName", List.of(AttributeValue.text(sam)),
                                "displayName", List.of(AttributeValue.text(sam.toUpperCase())),
                                "department", List.of(AttributeValue.text(department))));
    }

    private static InMemoryDirectory directory(String name) {
        return InMemoryConnectorFactory.connector(name).directory();
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-c";
        all[args.length + 1] = config.toString();
        return CliRun.run(Joinery.newCommandLine(System::getenv, stores), all);
    }

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    @Test
    void theFirstSyncIsAnInitialCycleThatExportsEveryUser() throws Exception {
        CliRun run = run("sync", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode summary = json(run);
        assertThat(summary.path("runs")).hasSize(6);
        assertThat(summary.path("runs").get(0).path("step").asText()).isEqualTo("Full Import");
        assertThat(summary.path("runs").get(0).path("counts").path("imported").asInt())
                .isEqualTo(3);
        assertThat(summary.path("runs").get(2).path("counts").path("projected").asInt())
                .isEqualTo(3);
        assertThat(summary.path("runs")
                        .get(2)
                        .path("counts")
                        .path("provisioned")
                        .asInt())
                .isEqualTo(3);
        assertThat(summary.path("runs").get(4).path("connector").asText()).isEqualTo("cloud");
        assertThat(summary.path("runs").get(4).path("counts").path("exported").asInt())
                .isEqualTo(3);
        assertThat(summary.path("limits").path("deletionThreshold").asText()).isEqualTo("500 objects");
        assertThat(summary.path("limits").path("stagingMode").asBoolean()).isFalse();
        assertThat(summary.path("stoppedBy").isNull()).isTrue();
        assertThat(directory(cloud).size()).isEqualTo(3);
    }

    @Test
    void theDefaultStoreKeepsRunsBetweenCommands() throws Exception {
        stores = StoreFactory.DEFAULT;
        run("sync");

        JsonNode status = json(run("status", "--json"));

        assertThat(status.path("store").asText()).isEqualTo("h2");
        assertThat(status.path("metaverseObjects").asInt()).isEqualTo(3);
        assertThat(status.path("connectors").get(1).path("lastRuns")).hasSize(3);
        assertThat(dir.resolve("store-" + ad)).isDirectory();
    }

    @Test
    void laterSyncsAreDeltaCyclesAndTheTextSummaryHasEveryColumn() {
        run("sync");
        user("dave", "HR");

        CliRun run = run("sync");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Delta Import", "Delta Synchronization", "Export")
                .contains("imported", "filtered", "joined", "projected", "provisioned", "updated", "renamed")
                .contains("deleted", "exported", "errors", "deletion threshold: 500 objects", "staging mode: off");
        assertThat(directory(cloud).findByDn("CN=dave,OU=Cloud")).isPresent();
    }

    @Test
    void oneConnectorsStepsRunAlone() throws Exception {
        CliRun run = run("sync", "--connector", "ad", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(json(run).path("runs").findValuesAsText("connector")).containsOnly("AD");
        assertThat(run("sync", "--connector", "nope").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void runProfilesRunOneStep() throws Exception {
        CliRun imported = run("import", "--connector", "AD", "--full", "--json");
        CliRun synced = run("synchronize", "--connector", "AD", "--full", "--json");
        CliRun exported = run("export", "--connector", "cloud", "--json");

        assertThat(json(imported).path("runs").get(0).path("step").asText()).isEqualTo("Full Import");
        assertThat(json(synced).path("runs").get(0).path("step").asText()).isEqualTo("Full Synchronization");
        assertThat(json(exported)
                        .path("runs")
                        .get(0)
                        .path("counts")
                        .path("exported")
                        .asInt())
                .isEqualTo(3);
        assertThat(run("import", "--connector", "AD").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run("import").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void csSearchAndShowFindObjectsByDnAnchorAndAttribute() throws Exception {
        run("sync");
        ConnectorObject alice =
                directory(ad).findByDn("CN=alice,OU=Users,DC=contoso").orElseThrow();

        JsonNode all = json(run("cs", "search", "--connector", "AD", "--json"));
        JsonNode byAttribute =
                json(run("cs", "search", "--connector", "AD", "--attribute", "department=sales", "--json"));
        JsonNode shown = json(run(
                "cs", "show", "--connector", "AD", "--anchor", alice.anchor().value(), "--json"));
        CliRun text = run("cs", "show", "--connector", "AD", "--dn", "cn=ALICE,ou=users,dc=contoso");

        assertThat(all).hasSize(3);
        assertThat(all.get(0).fieldNames()).toIterable().contains("id", "dn", "anchor", "objectType", "linked");
        assertThat(byAttribute).hasSize(3);
        assertThat(shown.path("dn").asText()).isEqualTo("CN=alice,OU=Users,DC=contoso");
        assertThat(shown.path("link").path("rule").asText()).isEqualTo("In from AD - User Join");
        assertThat(shown.path("attributes").path("department").get(0).asText()).isEqualTo("Sales");
        assertThat(shown.has("pendingExport")).isTrue();
        assertThat(text.out()).contains("dn: CN=alice", "kind: projected");
        assertThat(run("cs", "show", "--connector", "AD", "--dn", "CN=nobody").exitCode())
                .isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void mvShowGivesEveryAttributeWithItsRuleAndConnectorAndTheLinks() throws Exception {
        run("sync");

        JsonNode found = json(run("mv", "search", "--attribute", "accountName=bob", "--json"));
        JsonNode shown = json(run("mv", "show", found.get(0).path("id").asText(), "--json"));

        assertThat(found).hasSize(1);
        assertThat(shown.path("objectType").asText()).isEqualTo("person");
        JsonNode department = shown.path("attributes").path("department");
        assertThat(department.path("values").get(0).asText()).isEqualTo("Sales");
        assertThat(department.path("rule").asText()).isEqualTo("In from AD - User Join");
        assertThat(department.path("connector").asText()).isEqualTo("AD");
        assertThat(shown.path("links").findValuesAsText("connector")).containsExactlyInAnyOrder("AD", "cloud");
        assertThat(run("mv", "show", "--attribute", "accountName=bob").out()).contains("department:", "links:");
        assertThat(run("mv", "show", UUID.randomUUID().toString()).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void previewShowsScopeJoinFlowsAndPendingExportsAndCommitsNothing() throws Exception {
        run("import", "--connector", "AD", "--full");

        CliRun run = run("preview", "--connector", "AD", "--dn", "CN=carol,OU=Users,DC=contoso", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode p = json(run);
        assertThat(p.path("scopes").get(0).path("rule").asText()).isEqualTo("In from AD - User Join");
        assertThat(p.path("scopes").get(0).path("inScope").asBoolean()).isTrue();
        assertThat(p.path("join")).isNotEmpty();
        assertThat(p.path("flows").findValuesAsText("attribute")).contains("department");
        assertThat(p.path("flows").get(0).has("won")).isTrue();
        assertThat(p.path("pendingExports").get(0).path("kind").asText()).isEqualTo("add");
        JsonNode status = json(run("status", "--json"));
        assertThat(status.path("metaverseObjects").asInt()).isZero();
        assertThat(run("preview", "--connector", "AD", "--dn", "CN=nobody").exitCode())
                .isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run("preview", "--connector", "AD", "--dn", "CN=carol,OU=Users,DC=contoso")
                        .out())
                .contains("Scope:", "Join:", "Flows:", "Pending exports:");
    }

    @Test
    void statusShowsLastRunsPendingExportsAndStagingMode() throws Exception {
        run("import", "--connector", "AD", "--full");
        run("synchronize", "--connector", "AD", "--full");

        JsonNode status = json(run("status", "--json"));

        assertThat(status.path("stagingMode").asBoolean()).isFalse();
        assertThat(status.path("connectors").get(0).path("name").asText()).isEqualTo("AD");
        assertThat(status.path("connectors").get(0).path("lastRuns")).hasSize(2);
        assertThat(status.path("connectors").get(1).path("pendingExports").asInt())
                .isEqualTo(3);
        assertThat(run("status").out()).contains("staging mode: off", "cloud (inmemory): 3 objects, 3 pending exports");
    }

    @Test
    void errorsListsTheErrorsOfARunAndAnUnknownRunIsNotFound() throws Exception {
        JsonNode summary = json(run("sync", "--json"));
        String runId = summary.path("runs").get(0).path("id").asText();

        assertThat(json(run("errors", "--json"))).isEmpty();
        assertThat(json(run("errors", "--run", runId, "--json"))).isEmpty();
        assertThat(run("errors").out()).contains("no errors");
        assertThat(run("errors", "--run", UUID.randomUUID().toString()).exitCode())
                .isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run("errors", "--run", "not-a-uuid").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    /** "Prevent Accidental Deletes": an export that would delete more objects than the threshold stops. */
    @Test
    void theDeletionThresholdStopsTheExportWithExitCode3() throws Exception {
        config = writeConfig("thresholds:\n  deletion: 1", "");
        run("sync");
        for (String sam : List.of("alice", "bob")) {
            directory(ad)
                    .delete(directory(ad)
                            .findByDn("CN=" + sam + ",OU=Users,DC=contoso")
                            .orElseThrow()
                            .anchor());
        }

        CliRun run = run("sync");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.DELETION_THRESHOLD);
        assertThat(run.out()).contains("stopped-deletion-threshold", "was stopped by the deletion threshold");
        assertThat(directory(cloud).size()).isEqualTo(3);
    }

    @Test
    void theErrorLimitStopsARunWithExitCode4() throws Exception {
        Path rules = dir.resolve("rules/rules.yaml");
        Files.writeString(
                rules,
                Files.readString(rules)
                        .replaceFirst(
                                "\\{target: department, direct: department\\}",
                                "{target: department, expression: 'Error(\"no department\")'}"));
        config = writeConfig("thresholds:\n  errorLimit: 1", "");

        CliRun run = run("sync", "--json");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.ERROR_LIMIT);
        assertThat(json(run).path("stoppedBy").asText()).isEqualTo("stopped-error-limit");
        assertThat(json(run("errors", "--json")).findValuesAsText("code")).isNotEmpty();
    }

    @Test
    void stagingModeHoldsAnExplicitExportWithExitCode6AndACycleStillSucceeds() throws Exception {
        config = writeConfig("", "stagingMode: true");

        CliRun cycle = run("sync");
        CliRun export = run("export", "--connector", "cloud");

        assertThat(cycle.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cycle.out()).contains("staging mode: on", "was held by staging mode");
        assertThat(export.exitCode()).isEqualTo(ExitCodes.STAGING_MODE);
        assertThat(directory(cloud).size()).isZero();
        assertThat(json(run("status", "--json")).path("stagingMode").asBoolean())
                .isTrue();
    }

    @Test
    void aConfigurationProblemIsReportedWithFileLineAndColumn() throws Exception {
        Files.writeString(config, "connectors:\n  - name: AD\n    kind: inmemory\n    directry: x\n");

        CliRun run = run("status");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).contains(config + ":4:5: connectors[0].directry: unknown option");
    }

    @Test
    void aRulesProblemIsReportedWithFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("rules/broken.yaml"), "name: x\nconnector: AD\ndirection: Sideways\n");

        CliRun run = run("sync");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).contains("broken.yaml:3:").contains("Sideways");
    }
}
