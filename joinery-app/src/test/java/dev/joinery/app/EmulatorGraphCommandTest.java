package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.emulator.graph.GraphEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code joinery emulator graph} runs in-process on a free port, answers Graph calls, and stops. */
class EmulatorGraphCommandTest {

    @Test
    void theEmulatorServesTokensAndGraphUntilStopped(@TempDir Path dir) throws Exception {
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), "s3cret!\n");
        CommandLine cmd = Joinery.newCommandLine();
        EmulatorGraphCommand graph = cmd.getSubcommands()
                .get("emulator")
                .getSubcommands()
                .get("graph")
                .getCommand();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run(
                cmd,
                "emulator",
                "graph",
                "--port",
                "0",
                "--tenant",
                "fabrikam",
                "--client-id",
                "sync",
                "--client-secret-file",
                secretFile.toString()));

        GraphEmulator emulator = graph.awaitStarted(30, TimeUnit.SECONDS);
        assertThat(emulator).isNotNull();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String form = "grant_type=client_credentials&client_id=sync&client_secret=s3cret%21&scope="
                + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/fabrikam/oauth2/v2.0/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> users = http.send(
                HttpRequest.newBuilder(URI.create(emulator.graphUrl() + "/users"))
                        .header("Authorization", "Bearer " + accessToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        graph.stop();
        CliRun result = run.get(30, TimeUnit.SECONDS);

        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(users.body()).contains("\"value\"");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains("base URL:       " + emulator.baseUrl())
                .contains("token endpoint: " + emulator.baseUrl() + "/fabrikam/oauth2/v2.0/token")
                .contains("curl -s -H \"Authorization: Bearer $TOKEN\" " + emulator.graphUrl() + "/users")
                .doesNotContain("s3cret!");
    }

    @Test
    void aMissingSecretFileIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.run(
                "emulator",
                "graph",
                "--port",
                "0",
                "--client-secret-file",
                dir.resolve("no").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot read --client-secret-file");
    }
}
