package dev.joinery.app.demo;

import com.unboundid.ldap.sdk.schema.Schema;
import dev.joinery.app.config.ConfigException;
import dev.joinery.app.config.ConfigLoader;
import dev.joinery.app.config.ConnectorKinds;
import dev.joinery.app.config.JoineryConfig;
import dev.joinery.app.run.CycleRunner;
import dev.joinery.app.run.Progress;
import dev.joinery.app.run.RunSummary;
import dev.joinery.app.run.StoreFactory;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.connector.ldap.ad.AdSchema;
import dev.joinery.emulator.graph.EmulatedTenant;
import dev.joinery.emulator.graph.GraphEmulator;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo in one JVM: an account forest and a resource forest (in-memory LDAP servers with Active Directory's
 * schema and generated data), the Graph emulator as the Entra ID tenant, the demo's rules, and a sync engine over
 * them configured by a {@code joinery.yaml} the demo writes to its folder. {@link #start} runs the first (initial)
 * cycle; {@link #cycle()} runs a delta cycle; {@link #scheduleCycles} repeats it; {@link #stop()} stops cleanly,
 * never in the middle of a cycle. Thread-safe: cycles are serialized.
 */
public final class Demo implements AutoCloseable {
    /** The connector names, in cycle order. */
    public static final String ACCOUNT = "contoso.com";

    public static final String RESOURCE = "res.contoso.com";
    public static final String TENANT = "contoso.onmicrosoft.com";
    public static final String CLIENT_ID = "joinery-demo";
    private static final List<String> RULE_FILES =
            List.of("10-in-from-contoso.com.yaml", "20-in-from-res.contoso.com.yaml", "30-out-to-aad.yaml");

    /**
     * How to run the demo.
     *
     * @param folder where the configuration, rules and secrets are written ({@code .joinery/demo})
     * @param shared the shared folder holding {@code testdata/ad-schema}
     * @param seed the data generator's seed
     * @param sizes how much data
     * @param httpPort the health server's port; 0 for a free one
     * @param stores where the store comes from: {@link StoreFactory#DEFAULT} puts an H2 database in
     *     {@code folder/store}, emptied at every start (the forests and the tenant are new each time)
     */
    public record Options(
            Path folder, Path shared, long seed, DemoData.Sizes sizes, int httpPort, StoreFactory stores) {
        public Options {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(shared, "shared");
            Objects.requireNonNull(sizes, "sizes");
            Objects.requireNonNull(stores, "stores");
        }

        public Options(Path folder, Path shared, long seed, DemoData.Sizes sizes, int httpPort) {
            this(folder, shared, seed, sizes, httpPort, StoreFactory.DEFAULT);
        }
    }

    private final Options options;
    private final DemoData data;
    private final DemoForest account;
    private final DemoForest resource;
    private final GraphEmulator emulator;
    private final EmulatedTenant tenant;
    private final String clientSecret;
    private final SyncRuntime runtime;
    private final CycleRunner runner;
    private final RunSummary first;
    private final Javalin http;
    private final Instant started = Instant.now();
    private ScheduledExecutorService scheduler;
    private final FolderLock folderLock;
    private volatile RunSummary last;
    private volatile Instant lastCycle;
    private volatile boolean stopped;

    private Demo(Options options, Progress progress) {
        this.options = options;
        Path schemaFolder = options.shared().resolve("testdata/ad-schema");
        if (!Files.isRegularFile(schemaFolder.resolve("AD_DS_Attributes__Windows_Server_v1803.ldf"))) {
            throw new IllegalStateException("the Active Directory schema is missing: " + schemaFolder.toAbsolutePath()
                    + " (the demo reads ../shared/testdata/ad-schema beside the repository; set -Djoinery.shared=PATH"
                    + " or JOINERY_SHARED to its folder)");
        }
        this.folderLock = FolderLock.acquire(options.folder());
        Schema schema;
        try {
            schema = AdSchema.load(schemaFolder);
        } catch (RuntimeException e) {
            folderLock.release();
            throw e;
        }
        this.data = DemoData.generate(options.seed(), options.sizes());
        DemoForest a = null;
        DemoForest r = null;
        GraphEmulator g = null;
        SyncRuntime rt = null;
        try {
            a = DemoForest.start(
                    DemoData.ACCOUNT_DOMAIN, DemoData.ACCOUNT_BASE, schema, data.accountForest(), "Account-Demo-1");
            r = DemoForest.start(
                    DemoData.RESOURCE_DOMAIN, DemoData.RESOURCE_BASE, schema, data.resourceForest(), "Resource-Demo-1");
            g = GraphEmulator.start(0);
            clientSecret = "Tenant-Demo-" + Long.toHexString(options.seed());
            tenant =
                    g.tenant("contoso").registerApp(CLIENT_ID, clientSecret).addVerifiedDomain(DemoData.ACCOUNT_DOMAIN);
            writeFolder(a, r, g);
            JoineryConfig config;
            try {
                config = new ConfigLoader(ConnectorKinds.discover(), System::getenv)
                        .load(options.folder().resolve("joinery.yaml"));
            } catch (ConfigException e) {
                throw new IllegalStateException("the demo's joinery.yaml has problems: " + e.problems(), e);
            }
            ConnectorKinds kinds = ConnectorKinds.discover();
            rt = SyncRuntime.open(config, kind -> kinds.find(kind).orElseThrow(), options.stores(), true);
        } catch (RuntimeException e) {
            closeQuietly(a, r, g, rt);
            folderLock.release();
            throw e;
        }
        this.account = a;
        this.resource = r;
        this.emulator = g;
        this.runtime = rt;
        this.runner = new CycleRunner(runtime).progress(progress);
        this.first = cycle(true);
        runner.progress(Progress.NONE);
        this.http = startHttp(options.httpPort());
    }

    /** Starts everything and runs the first, initial cycle. */
    public static Demo start(Options options, Progress progress) {
        return new Demo(options, progress);
    }

    /** Runs a delta cycle now; waits for a running one. */
    public RunSummary cycle() {
        return cycle(false);
    }

    private synchronized RunSummary cycle(boolean full) {
        if (stopped) {
            throw new IllegalStateException("the demo is stopped");
        }
        RunSummary s = new RunSummary(runner.cycle(full, null), runtime.settings());
        last = s;
        lastCycle = Instant.now();
        return s;
    }

    /** Runs a delta cycle every {@code interval}, reporting each summary to {@code report}, until {@link #stop()}. */
    public synchronized void scheduleCycles(Duration interval, java.util.function.Consumer<RunSummary> report) {
        if (scheduler != null) {
            throw new IllegalStateException("cycles are already scheduled");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "joinery-demo-cycles");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!stopped) {
                            report.accept(cycle());
                        }
                    } catch (RuntimeException e) {
                        System.Logger log = System.getLogger(Demo.class.getName());
                        log.log(System.Logger.Level.ERROR, "demo cycle failed: " + e, e);
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule, waits for a running cycle to end, then stops the servers. Idempotent. */
    public void stop() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
        }
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        if (http != null) {
            http.stop();
        }
        closeQuietly(account, resource, emulator, runtime);
        folderLock.release();
    }

    @Override
    public void close() {
        stop();
    }

    public DemoData data() {
        return data;
    }

    public RunSummary firstCycle() {
        return first;
    }

    public RunSummary lastCycle() {
        return last;
    }

    public DemoForest accountForest() {
        return account;
    }

    public DemoForest resourceForest() {
        return resource;
    }

    public GraphEmulator emulator() {
        return emulator;
    }

    /** The tenant behind the emulator, for checks that bypass Graph. */
    public EmulatedTenant tenant() {
        return tenant;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public SyncRuntime runtime() {
        return runtime;
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + http.port() + "/health";
    }

    public Options options() {
        return options;
    }

    private Javalin startHttp(int port) {
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.routes.get("/health", ctx -> {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("status", stopped ? "stopping" : "up");
                body.put("startedAt", started.toString());
                body.put("lastCycleAt", lastCycle == null ? null : lastCycle.toString());
                RunSummary s = last;
                body.put(
                        "lastCycleStoppedBy",
                        s == null || s.stopped() == null
                                ? null
                                : s.stopped().status().name());
                ctx.json(body);
            });
        });
        return app.start("127.0.0.1", port);
    }

    private void writeFolder(DemoForest a, DemoForest r, GraphEmulator g) {
        Path folder = options.folder();
        try {
            deleteTree(folder.resolve("store"));
            Files.createDirectories(folder.resolve("rules"));
            Files.createDirectories(folder.resolve("secrets"));
            for (String file : RULE_FILES) {
                try (InputStream in = Demo.class.getResourceAsStream("rules/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource rules/" + file);
                    }
                    Files.write(folder.resolve("rules").resolve(file), in.readAllBytes());
                }
            }
            Files.writeString(folder.resolve("secrets/contoso.com.txt"), a.password(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("secrets/res.contoso.com.txt"), r.password(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("secrets/tenant.txt"), clientSecret, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("joinery.yaml"), config(a, r, g), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo folder " + folder, e);
        }
    }

    private static String config(DemoForest a, DemoForest r, GraphEmulator g) {
        return "# Written by `joinery demo` at every start (ports change); the demo's throw-away secrets are in"
                + " secrets/.\n"
                + "connectors:\n"
                + forest(ACCOUNT, a, "secrets/contoso.com.txt", "[user, group, contact, computer]")
                + forest(RESOURCE, r, "secrets/res.contoso.com.txt", "[user, group, contact]")
                + "  - name: " + TENANT + "\n"
                + "    kind: graph\n"
                + "    tenant: contoso\n"
                + "    authority: " + g.baseUrl() + "\n"
                + "    graphEndpoint: " + g.graphUrl() + "\n"
                + "    clientId: " + CLIENT_ID + "\n"
                + "    clientSecret: ${file:secrets/tenant.txt}\n"
                + "    tokenClient: http-form\n"
                + "store:\n"
                + "  type: h2\n"
                + "  path: store\n"
                + "rules: rules\n"
                + "thresholds:\n"
                + "  deletion: 500\n"
                + "  errorLimit: 5000\n"
                + "stagingMode: false\n";
    }

    private static String forest(String name, DemoForest f, String secret, String types) {
        return "  - name: " + name + "\n"
                + "    kind: ldap\n"
                + "    hosts: [127.0.0.1:" + f.port() + "]\n"
                + "    security: none\n"
                + "    bind:\n"
                + "      dn: '" + f.bindDn() + "'\n"
                + "      password: ${file:" + secret + "}\n"
                + "    partitions: ['" + f.baseDn() + "']\n"
                + "    objectTypes: " + types + "\n"
                + "    anchor: objectGUID\n"
                + "    delta:\n"
                + "      strategy: modify-timestamp\n";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void closeQuietly(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // best effort while shutting down
                }
            }
        }
    }
}
