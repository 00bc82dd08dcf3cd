package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joinery.app.config.ConfigLoader;
import dev.joinery.app.config.ConnectorKinds;
import dev.joinery.app.config.JoineryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code joinery config options | validate | show}: output, exit codes and JSON shapes. */
class ConfigCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            connectors:
              - name: AD
                kind: test-ldap
                host: dc1.contoso.com
                bind:
                  dn: CN=svc-joinery,DC=contoso,DC=com
                  password: ${env:AD_PASSWORD}
              - name: Files
                kind: test-file
                path: users.ldif
            store:
              type: postgresql
              url: jdbc:postgresql://db.contoso.com/joinery
              user: joinery
              password: ${file:secrets/db.txt}
            thresholds:
              deletion: 10%
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void optionsPrintsATableOfGlobalConnectorAndKindOptions() {
        CliRun run = CliRun.run("config", "options");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Global options\n  NAME ", "Every connector (each item of connectors)\n")
                .contains("Connector kind test-file\n", "Connector kind test-ldap\n")
                .containsPattern("\n  server\\.port +integer +8642 +TCP port of the REST API")
                .containsPattern("\n  schedule\\.interval +duration +30m +")
                .containsPattern("\n  store\\.type +enum +h2 +.* One of h2, postgresql\\.\n")
                .containsPattern("\n  host +string +\\(required\\) +Directory server host name\\.\n")
                .containsPattern("\n  bind\\.password +secret +- +Password of bind\\.dn\\.\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void optionsJsonIsAnArrayOfOneObjectPerOptionWithTheSchemaFields() throws IOException {
        CliRun run = CliRun.run("config", "options", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode options = JSON.readTree(run.out());
        assertThat(options.isArray()).isTrue();
        for (JsonNode option : options) {
            List<String> fields = new ArrayList<>();
            option.fieldNames().forEachRemaining(fields::add);
            assertThat(fields)
                    .containsExactly(
                            "name",
                            "scope",
                            "kind",
                            "type",
                            "required",
                            "secret",
                            "default",
                            "values",
                            "expected",
                            "description");
        }
        assertThat(find(options, "global", "server.port").toString())
                .isEqualTo("{\"name\":\"server.port\",\"scope\":\"global\",\"kind\":null,\"type\":\"integer\","
                        + "\"required\":false,\"secret\":false,\"default\":8642,\"values\":[],"
                        + "\"expected\":\"an integer from 1 to 65535\","
                        + "\"description\":\"TCP port of the REST API, web UI and metrics.\"}");
        assertThat(find(options, "global", "store.type").get("values").toString())
                .isEqualTo("[\"h2\",\"postgresql\"]");
        assertThat(find(options, "global", "schedule.interval").get("default").asText())
                .isEqualTo("30m");
        assertThat(find(options, "global", "stagingMode").get("default").booleanValue())
                .isFalse();
        assertThat(find(options, "connector", "name").get("required").booleanValue())
                .isTrue();
        JsonNode password = find(options, "test-ldap", "bind.password");
        assertThat(password.get("secret").booleanValue()).isTrue();
        assertThat(password.get("default").isNull()).isTrue();
        assertThat(find(options, "test-ldap", "baseDns").get("type").asText()).isEqualTo("list");
    }

    private static JsonNode find(JsonNode options, String scopeOrKind, String name) {
        for (JsonNode o : options) {
            boolean group = o.get("kind").isNull()
                    ? o.get("scope").asText().equals(scopeOrKind)
                    : o.get("kind").asText().equals(scopeOrKind);
            if (group && o.get("name").asText().equals(name)) {
                return o;
            }
        }
        throw new AssertionError("no option " + name + " in " + scopeOrKind);
    }

    @Test
    void validateSaysValidAndExitsZeroForAGoodFile() throws IOException {
        Path file = write("joinery.yaml", VALID);

        CliRun run = CliRun.run("config", "validate", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(file + ": valid\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validatePrintsEveryProblemWithFileLineAndColumnAndExitsTwo() throws IOException {
        Path file = write("bad.yaml", "server:\n  port: abc\nstagingMode: maybe\n");

        CliRun run = CliRun.run("config", "validate", "-c", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(file + ":2:9: server.port: expected an integer from 1 to 65535, found \"abc\"\n"
                        + file + ":3:14: stagingMode: expected true or false, found \"maybe\"\n"
                        + file + ": 2 problems\n");
    }

    @Test
    void validateReadsJoineryYamlInTheWorkingDirectoryByDefault() {
        CliRun run = CliRun.run("config", "validate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).startsWith("joinery.yaml: no such file\n");
    }

    @Test
    void validateJsonListsTheProblemsAsObjects() throws IOException {
        Path file = write("bad.yaml", "server:\n  port: abc\n");

        CliRun run = CliRun.run("config", "validate", "--json", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(JSON.readTree(run.out()))
                .isEqualTo(JSON.readTree("{\"file\":" + JSON.writeValueAsString(file.toString())
                        + ",\"valid\":false,\"problems\":[{\"file\":" + JSON.writeValueAsString(file.toString())
                        + ",\"line\":2,\"column\":9,\"path\":\"server.port\","
                        + "\"message\":\"expected an integer from 1 to 65535, found \\\"abc\\\"\"}]}"));
    }

    @Test
    void validateCheckSecretsReportsAReferenceThatDoesNotResolve() throws IOException {
        Path file = write("joinery.yaml", VALID);
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/db.txt"), "x\n");

        CliRun ok =
                CliRun.run(Map.of("AD_PASSWORD", "y"), "config", "validate", "--check-secrets", "-c", file.toString());
        CliRun missing = CliRun.run(Map.of(), "config", "validate", "--check-secrets", "-c", file.toString());

        assertThat(ok.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(missing.err())
                .startsWith(file + ":7:17: connectors[0].bind.password: environment variable AD_PASSWORD is not set"
                        + " (${env:AD_PASSWORD})\n");
    }

    @Test
    void showPrintsTheEffectiveYamlWithDefaultsAndSecretReferencesAndItLoadsBack() throws Exception {
        Path file = write("joinery.yaml", VALID);

        CliRun run = CliRun.run("config", "show", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("# Effective configuration of " + file.toAbsolutePath() + ":")
                .contains("  bind.password: \"${env:AD_PASSWORD}\"\n", "  password: \"${file:secrets/db.txt}\"\n")
                .contains("  port: 389\n", "  timeout: 30s\n", "  deletion: 10%\n", "  errorLimit: 5000\n")
                .contains("stagingMode: false\n", "  interval: 30m\n", "  host: 127.0.0.1\n", "  port: 8642\n");
        ConfigLoader loader = new ConfigLoader(ConnectorKinds.discover(), Map.<String, String>of()::get);
        JoineryConfig original = loader.load(file);
        JoineryConfig shown = loader.load(write("joinery.yaml", run.out()));
        assertThat(shown).isEqualTo(original);
    }

    @Test
    void showJsonIsOneObjectShapedLikeTheFile() throws IOException {
        Path file = write("joinery.yaml", "connectors: [{name: Files, kind: test-file, path: u.ldif}]\n");

        CliRun run = CliRun.run("config", "show", "--json", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        Path folder = file.toAbsolutePath().getParent();
        JsonNode expected = JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "connectors",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("name", "Files")
                                        .put("kind", "test-file")
                                        .put("path", folder.resolve("u.ldif").toString())))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "store",
                        JSON.createObjectNode()
                                .put("type", "h2")
                                .put("path", folder.resolve(".joinery/store").toString()))
                .put("rules", folder.resolve("rules").toString())
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "thresholds",
                        JSON.createObjectNode().put("deletion", 500).put("errorLimit", 5000))
                .put("stagingMode", false)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "schedule",
                        JSON.createObjectNode().put("interval", "30m").put("enabled", true))
                .set("server", JSON.createObjectNode().put("host", "127.0.0.1").put("port", 8642));
        assertThat(JSON.readTree(run.out())).isEqualTo(expected);
    }

    @Test
    void showOfAnInvalidFilePrintsTheProblemsAndNothingElse() throws IOException {
        Path file = write("joinery.yaml", "connectors: [{name: A, kind: nope}]\n");

        CliRun run = CliRun.run("config", "show", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(file + ":1:30: connectors[0].kind: unknown connector kind \"nope\";"
                        + " known kinds: graph, inmemory, ldap, test-file, test-ldap\n" + file + ": 1 problem\n");
    }

    @Test
    void configWithoutSubcommandIsAUsageErrorAndHelpListsIt() {
        assertThat(CliRun.run("config").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.run("--help").out()).contains("config", "configuration file or sync rules with problems");
        assertThat(CliRun.run("config", "--help").out()).contains("options", "validate", "show");
    }
}
