package dev.joinery.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in joinery.yaml: by reference only, resolved at connect time, never shown. */
class SecretsTest {
    private static final String VALUE = "hunter2-Secret-Value";

    @TempDir
    Path dir;

    private static String connectorWithPassword(String password) {
        return """
                connectors:
                  - name: AD
                    kind: test-ldap
                    host: dc1
                    bind:
                      dn: CN=svc
                      password: %s
                """.formatted(password);
    }

    private Secret loadPassword(Map<String, String> env) throws ConfigException {
        Path file = ConfigFiles.write(dir, "joinery.yaml", connectorWithPassword("${env:AD_PASSWORD}"));
        return ConfigFiles.loader(env).load(file).secrets().get(0);
    }

    @Test
    void aLiteralSecretIsRefusedWithHowToReferenceItAndWithoutEchoingIt() {
        assertThat(ConfigFiles.problems(dir, connectorWithPassword(VALUE)))
                .containsExactly("7:17: connectors[0].bind.password: a secret is given by reference, not as a value:"
                        + " write ${env:NAME} to read environment variable NAME (letters, digits, underscores)"
                        + " or ${file:PATH} to read a file; the value written here is not shown");
        assertThat(ConfigFiles.problems(dir, connectorWithPassword("12345")))
                .singleElement()
                .asString()
                .contains("a secret is given by reference")
                .doesNotContain("12345");
    }

    @Test
    void aMalformedReferenceIsRefusedWithoutEchoingIt() {
        assertThat(ConfigFiles.problems(dir, connectorWithPassword("\"${env:AD PASSWORD}\"")))
                .singleElement()
                .asString()
                .startsWith("7:17: connectors[0].bind.password: not a valid secret reference: write ${env:NAME}")
                .doesNotContain("AD PASSWORD");
    }

    @Test
    void aPasswordInsideAUrlIsRefusedWithoutEchoingIt() {
        assertThat(ConfigFiles.problems(
                        dir, "store: {type: postgresql, url: 'jdbc:postgresql://db/j?password=" + VALUE + "'}"))
                .singleElement()
                .asString()
                .contains("store.url: a URL must not carry a user's password")
                .doesNotContain(VALUE);
    }

    @Test
    void referencesAreNotResolvedAtLoad() throws ConfigException {
        Secret secret = loadPassword(Map.of());

        assertThat(secret).hasToString("${env:AD_PASSWORD}");
        assertThat(secret.option()).isEqualTo("connectors[0].bind.password");
    }

    @Test
    void anEnvironmentReferenceIsReadWhenRevealedAndEveryTime() throws ConfigException {
        Map<String, String> env = new HashMap<>(Map.of("AD_PASSWORD", VALUE));
        Secret secret = loadPassword(env);

        assertThat(secret.reveal()).isEqualTo(VALUE);
        env.put("AD_PASSWORD", "rotated");
        assertThat(secret.reveal()).isEqualTo("rotated");
    }

    @Test
    void aMissingVariableNamesTheOptionAndTheReference() throws ConfigException {
        Secret secret = loadPassword(Map.of());

        assertThatThrownBy(secret::reveal)
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code())
                        .isEqualTo(ConnectorError.Code.CONFIGURATION))
                .hasMessage("CONFIGURATION: connectors[0].bind.password: environment variable AD_PASSWORD is not set"
                        + " (${env:AD_PASSWORD})");
    }

    @Test
    void anEmptyVariableIsAnError() throws ConfigException {
        assertThatThrownBy(loadPassword(Map.of("AD_PASSWORD", ""))::reveal)
                .hasMessage("CONFIGURATION: connectors[0].bind.password: ${env:AD_PASSWORD} is empty");
    }

    @Test
    void aFileReferenceIsRelativeToTheConfigFolderAndLosesItsTrailingNewline() throws Exception {
        ConfigFiles.write(dir, "etc/secrets/ad.txt", VALUE + "\r\n");
        Path file = ConfigFiles.write(dir, "etc/joinery.yaml", connectorWithPassword("${file:secrets/ad.txt}"));

        Secret secret = ConfigFiles.loader().load(file).secrets().get(0);

        assertThat(secret).hasToString("${file:secrets/ad.txt}");
        assertThat(secret.reveal()).isEqualTo(VALUE);
    }

    @Test
    void anUnreadableFileNamesTheOptionTheReferenceAndThePath() throws Exception {
        Path file = ConfigFiles.write(dir, "joinery.yaml", connectorWithPassword("${file:secrets/missing.txt}"));
        Files.createDirectories(dir.resolve("folder"));
        Path second = ConfigFiles.write(dir, "second.yaml", connectorWithPassword("${file:folder}"));

        assertThatThrownBy(ConfigFiles.loader().load(file).secrets().get(0)::reveal)
                .hasMessage("CONFIGURATION: connectors[0].bind.password: cannot read ${file:secrets/missing.txt}:"
                        + " no such file " + dir.toAbsolutePath().resolve("secrets/missing.txt"));
        assertThatThrownBy(ConfigFiles.loader().load(second).secrets().get(0)::reveal)
                .hasMessageEndingWith("it is a folder");
    }

    @Test
    void validateCanResolveEverySecretAndReportsTheFailuresAtTheirPositions() {
        Path file = ConfigFiles.write(dir, "joinery.yaml", """
                store:
                  type: postgresql
                  url: jdbc:postgresql://db/joinery
                  password: ${file:db.txt}
                """ + connectorWithPassword("${env:AD_PASSWORD}"));

        assertThat(ConfigFiles.loader().validate(file, false)).isEmpty();
        assertThat(ConfigFiles.loader().validate(file, true))
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        file + ":4:13: store.password: cannot read ${file:db.txt}: no such file "
                                + dir.toAbsolutePath().resolve("db.txt"),
                        file + ":11:17: connectors[0].bind.password: environment variable AD_PASSWORD is not set"
                                + " (${env:AD_PASSWORD})");
    }
}
