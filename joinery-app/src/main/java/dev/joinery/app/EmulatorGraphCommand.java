package dev.joinery.app;

import dev.joinery.emulator.graph.GraphEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code joinery emulator graph}: the Microsoft Graph directory emulator in the foreground until Ctrl-C, with one
 * tenant and one registered app for the client-credentials grant. Prints where it listens and how to call it.
 */
@Command(
        name = "graph",
        sortOptions = false,
        description = {
            "Runs the Microsoft Graph directory emulator (users, groups, contacts, devices, delta, $batch, the"
                    + " client-credentials token endpoint) in the foreground until Ctrl-C."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  joinery emulator graph --port 8010",
            "  joinery emulator graph --tenant fabrikam --client-id sync --client-secret-file secret.txt"
        })
public final class EmulatorGraphCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "TCP port on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    private int port = 8010;

    @Option(
            names = "--tenant",
            paramLabel = "NAME",
            description = "Tenant name, as in the token endpoint's path. Default: ${DEFAULT-VALUE}.")
    private String tenant = "contoso";

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "Client id of the registered app. Default: ${DEFAULT-VALUE}.")
    private String clientId = "joinery";

    @Option(
            names = "--client-secret-file",
            paramLabel = "F",
            description = "File holding the app's client secret; without it a random secret is made and printed.")
    private Path clientSecretFile;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile GraphEmulator emulator;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, not " + port);
        }
        String secret = clientSecretFile == null ? randomSecret() : readSecret();
        PrintWriter out = spec.commandLine().getOut();
        try (GraphEmulator graph = GraphEmulator.start(port)) {
            emulator = graph;
            graph.tenant(tenant).registerApp(clientId, secret);
            Thread hook = new Thread(stop::countDown, "joinery-emulator-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            String token = graph.baseUrl() + "/" + tenant + "/oauth2/v2.0/token";
            String secretArg = clientSecretFile == null ? secret : "\"$(cat " + clientSecretFile + ")\"";
            out.println("Graph emulator running; Ctrl-C stops it.");
            out.println("  base URL:       " + graph.baseUrl());
            out.println("  Graph root:     " + graph.graphUrl());
            out.println("  token endpoint: " + token);
            out.println("  tenant:         " + tenant + " (verified domain " + tenant + ".onmicrosoft.com)");
            out.println("  client id:      " + clientId);
            if (clientSecretFile == null) {
                out.println("  client secret:  " + secret + " (made up for this run; --client-secret-file sets one)");
            }
            out.println();
            out.println("Try:");
            out.println(
                    "  TOKEN=$(curl -s " + token + " -d grant_type=client_credentials -d client_id=" + clientId
                            + " -d client_secret=" + secretArg
                            + " -d scope=https://graph.microsoft.com/.default | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
            out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + graph.graphUrl() + "/users");
            out.flush();
            started.countDown();
            stop.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping: the hook already ran
            }
        } finally {
            emulator = null;
            started.countDown();
        }
        return ExitCodes.OK;
    }

    /** Waits until the emulator listens (or failed to start); for tests that run the command on another thread. */
    GraphEmulator awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        started.await(timeout, unit);
        return emulator;
    }

    /** Stops the emulator as Ctrl-C does. */
    void stop() {
        stop.countDown();
    }

    private String readSecret() {
        try {
            String secret =
                    Files.readString(clientSecretFile, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(), "--client-secret-file " + clientSecretFile + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "cannot read --client-secret-file " + clientSecretFile + ": " + e.getMessage());
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
