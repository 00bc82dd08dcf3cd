package dev.joinery.app;

import dev.joinery.app.demo.Demo;
import dev.joinery.app.demo.DemoData;
import dev.joinery.app.demo.DemoForest;
import dev.joinery.app.demo.SharedFolder;
import dev.joinery.app.run.Progress;
import dev.joinery.engine.model.ObjectError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joinery demo}: two forests, a tenant and the engine in one JVM; a delta cycle every 30 seconds. */
@Command(
        name = "demo",
        description = {
            "Starts an account forest and a resource forest (in-memory LDAP servers with Active Directory's schema and"
                    + " generated users, linked mailboxes, groups, contacts and computers), the Graph emulator as the"
                    + " Entra ID tenant, and the engine with the demo's rules (written to .joinery/demo/rules). Runs"
                    + " the first cycle, prints the summary and how to reach every server, then runs a delta cycle"
                    + " every --interval until Ctrl-C.",
            "Exits 1 when the shared folder with the AD schema is missing."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--interval",
            defaultValue = "30s",
            description = "Time between delta cycles (default ${DEFAULT-VALUE}): 30s, 5m, ...")
    String interval;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the data generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--port", defaultValue = "8642", description = "Port of the health endpoint; 0 = a free one.")
    int port;

    @Option(
            names = "--folder",
            defaultValue = ".joinery/demo",
            description = "Where the demo writes joinery.yaml, rules and secrets (default ${DEFAULT-VALUE}).")
    Path folder;

    @Option(names = "--once", description = "Stops after the first cycle (for scripts and tests).")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration every = dev.joinery.app.config.Durations.parse(interval)
                .filter(d -> !d.isNegative() && !d.isZero())
                .orElseThrow(() -> new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "--interval: expected a duration such as 30s or 5m, found '" + interval + "'"));
        long t0 = System.nanoTime();
        Joinery joinery = (Joinery) spec.root().userObject();
        Path shared = SharedFolder.resolve(joinery.environment());
        out.println("Starting the demo: two forests, the Graph emulator and the engine (seed " + seed + ")...");
        out.flush();
        Demo demo;
        try {
            demo = Demo.start(
                    new Demo.Options(folder, shared, seed, DemoData.Sizes.DEFAULT, port),
                    Progress.console(err, System.console() != null));
        } catch (IllegalStateException e) {
            err.println("joinery demo: " + e.getMessage());
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
        double ready = (System.nanoTime() - t0) / 1e9;
        out.println();
        out.println("First cycle:");
        demo.firstCycle().print(out);
        printErrors(out, demo);
        printAccess(out, demo, every, ready);
        if (once) {
            demo.stop();
            return demo.firstCycle().exitCode(false);
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    out.println("Stopping the demo (after the running cycle, if any)...");
                    out.flush();
                    demo.stop();
                    out.println("Demo stopped.");
                    out.flush();
                    done.countDown();
                },
                "joinery-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        demo.scheduleCycles(every, s -> {
            out.println(String.format(
                    Locale.ROOT,
                    "%s delta cycle: %d imported, %d exported, %d errors%s",
                    java.time.LocalTime.now().withNano(0),
                    s.total("imported", null, null),
                    s.total("exported", null, null),
                    s.total("errors", null, null),
                    s.stopped() == null ? "" : " (stopped: " + s.stopped().status() + ")"));
            out.flush();
        });
        done.await();
        return ExitCodes.OK;
    }

    private static void printAccess(PrintWriter out, Demo demo, Duration every, double ready) {
        DemoData.Expected x = demo.data().expected();
        out.println();
        out.println("Account forest  " + line(demo.accountForest()));
        out.println("Resource forest " + line(demo.resourceForest()));
        out.println("Entra ID tenant " + demo.emulator().baseUrl() + " (Graph: "
                + demo.emulator().graphUrl() + "), tenant contoso, client id " + Demo.CLIENT_ID + ", client secret "
                + demo.clientSecret());
        out.println("Health          " + demo.healthUrl());
        out.println("Configuration   " + demo.options().folder().resolve("joinery.yaml") + " (rules in "
                + demo.options().folder().resolve("rules") + ")");
        out.println();
        out.println("Get a token and read a user from the tenant:");
        out.println("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=" + Demo.CLIENT_ID
                + " -d client_secret=" + demo.clientSecret() + " -d scope=https://graph.microsoft.com/.default "
                + demo.emulator().baseUrl()
                + "/contoso/oauth2/v2.0/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" '"
                + demo.emulator().graphUrl() + "/users/" + x.sampleUserPrincipalName()
                + "?$select=displayName,jobTitle,department'");
        out.println("Change that user in the account forest; the next delta cycle takes it to the tenant:");
        out.println("  printf 'dn: " + x.sampleUser() + "\\nchangetype: modify\\nreplace: title\\ntitle: Chief Demo"
                + " Officer\\n' | ldapmodify -x -H " + demo.accountForest().url() + " -D '"
                + demo.accountForest().bindDn() + "' -w " + demo.accountForest().password());
        out.println();
        out.println(String.format(
                Locale.ROOT,
                "Ready in %.1f s. A delta cycle runs every %s; Ctrl-C stops the demo.",
                ready,
                dev.joinery.app.config.Durations.format(every)));
        out.flush();
    }

    private static void printErrors(PrintWriter out, Demo demo) {
        List<ObjectError> errors = demo.runtime().read(tx -> demo.firstCycle().runs().stream()
                .flatMap(r -> tx.errors(r.id()).stream())
                .toList());
        if (!errors.isEmpty()) {
            out.println(errors.size() + (errors.size() == 1 ? " error" : " errors") + ", the first "
                    + Math.min(10, errors.size()) + ":");
            errors.stream().limit(10).forEach(e -> out.println("  " + e.connector() + " " + e));
        }
    }

    private static String line(DemoForest f) {
        return f.url() + "  base " + f.baseDn() + "  bind '" + f.bindDn() + "' password " + f.password();
    }
}
