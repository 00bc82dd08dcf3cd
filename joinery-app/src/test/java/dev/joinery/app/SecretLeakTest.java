package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joinery.app.config.ConfigException;
import dev.joinery.app.config.ConfigLoader;
import dev.joinery.app.config.ConfigRendering;
import dev.joinery.app.config.ConnectorKinds;
import dev.joinery.app.config.JoineryConfig;
import dev.joinery.connector.spi.config.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known secret, in the environment, in a secret file, and written literally where a reference belongs, goes
 * through load, validate, show, failing resolution and every rendering; it must appear in none of the output.
 */
class SecretLeakTest {
    private static final String SECRET = "Canary-7f3e9-Pa55w0rd";
    private static final String VALID = """
            connectors:
              - name: AD
                kind: test-ldap
                host: dc1
                bind.password: ${env:AD_PASSWORD}
              - name: Backup
                kind: test-ldap
                host: dc2
                bind.password: ${env:UNSET_PASSWORD}
            store:
              type: postgresql
              url: jdbc:postgresql://db/joinery
              password: ${file:secrets/db.txt}
            """;
    private static final String LITERAL = """
            connectors:
              - name: AD
                kind: test-ldap
                host: dc1
                bind.password: %s
                proxy: socks://admin:%s@proxy:1080
            store:
              type: postgresql
              url: jdbc:postgresql://db/joinery?user=j&password=%s
              password: %s
            """.formatted(SECRET, SECRET, SECRET, SECRET);
    private static final String BROKEN = "connectors:\n  - bind.password: \"" + SECRET + "\n    host: [\n";

    @TempDir
    Path dir;

    private final List<String> captured = new ArrayList<>();

    @Test
    void theSecretValueAppearsInNoOutputMessageOrRendering() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/db.txt"), SECRET + "\n");
        Path valid = write("joinery.yaml", VALID);
        Path literal = write("literal.yaml", LITERAL);
        Path broken = write("broken.yaml", BROKEN);
        Map<String, String> env = Map.of("AD_PASSWORD", SECRET, "OTHER", SECRET);

        for (Path file : List.of(valid, literal, broken)) {
            for (List<String> args : List.of(
                    List.of("config", "validate", "-c"),
                    List.of("config", "validate", "--check-secrets", "-c"),
                    List.of("config", "validate", "--json", "--check-secrets", "-c"),
                    List.of("config", "show", "-c"),
                    List.of("config", "show", "--json", "-c"))) {
                List<String> all = new ArrayList<>(args);
                all.add(file.toString());
                CliRun run = CliRun.run(env, all.toArray(String[]::new));
                captured.add(run.out());
                captured.add(run.err());
            }
        }
        captured.add(CliRun.run(env, "config", "options", "--json").out());

        ConfigLoader loader = new ConfigLoader(ConnectorKinds.discover(), env::get);
        JoineryConfig config = loader.load(valid);
        captured.add(config.toString());
        captured.add(config.store().toString());
        config.connectors().forEach(c -> captured.add(c + " " + c.config()));
        captured.add(ConfigRendering.effective(config).toString());
        captured.add(capture(() -> new ObjectMapper().writeValueAsString(config)));
        for (Secret secret : config.secrets()) {
            captured.add(secret + " " + secret.reference() + " " + secret.option() + " " + secret.hashCode());
            captured.add(capture(() -> new ObjectMapper().writeValueAsString(secret)));
            captured.add(capture(() -> secret.equals(config.secrets().get(0)) ? "equal" : "different"));
            captured.add(capture(secret::reveal, false));
        }
        for (Path file : List.of(literal, broken)) {
            captured.add(capture(() -> loader.load(file)));
            captured.addAll(
                    loader.validate(file, true).stream().map(Object::toString).toList());
        }

        assertThat(config.secrets().get(0).reveal())
                .as("the secret was there to leak")
                .isEqualTo(SECRET);
        assertThat(
                        config.store() instanceof JoineryConfig.Postgresql pg
                                ? pg.password().reveal()
                                : null)
                .isEqualTo(SECRET);
        assertThat(captured).noneMatch(text -> text.contains(SECRET.substring(0, 12)));
        assertThat(String.join("\n", captured))
                .contains("${env:AD_PASSWORD}", "${file:secrets/db.txt}", "UNSET_PASSWORD is not set")
                .contains("a secret is given by reference", "must not carry a user's password", "not valid YAML");
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** What {@code action} returns, or its exception's messages and stack trace when it fails. */
    private static String capture(Callable<?> action) {
        return capture(action, true);
    }

    private static String capture(Callable<?> action, boolean keepResult) {
        try {
            Object result = action.call();
            return keepResult ? String.valueOf(result) : "";
        } catch (Exception e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return e.getMessage() + "\n" + trace + (e instanceof ConfigException c ? c.problems() : "");
        }
    }
}
