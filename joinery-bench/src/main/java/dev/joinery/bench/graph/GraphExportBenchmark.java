package dev.joinery.bench.graph;

import dev.joinery.connector.graph.GraphConnector;
import dev.joinery.connector.graph.GraphConnectorConfig;
import dev.joinery.connector.graph.SecretReference;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.emulator.graph.GraphEmulator;
import dev.joinery.emulator.graph.ThrottleLimits;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Export throughput of the Entra ID connector into the Graph emulator, over loopback HTTP as the connector really
 * talks ({@code $batch} of 20, one write per object and per member added). Two runs: throttling off (the emulator
 * admits every write, the connector paces nothing), then Entra's documented write limits on both sides (the
 * emulator answers 429 with {@code Retry-After} beyond 3,000 writes per 150 s per app and tenant, 18,000 per 5 min
 * per tenant, 35,000 per 5 min per app; the connector paces itself at 3,000 per 150 s). The second run spans several
 * windows on a {@link SkippingClock}, so waits cost no wall time; its rate is writes per clock second and must be at,
 * not below, the limit. Run by {@code ./bench graph}, never by the tests.
 *
 * <pre>
 * java -cp benchmarks.jar dev.joinery.bench.graph.GraphExportBenchmark [USERS] [GROUPS] [LIMITED_USERS]
 * </pre>
 */
public final class GraphExportBenchmark {
    private static final String DOMAIN = "bench.example";

    private GraphExportBenchmark() {}

    /** What one run did: objects, memberships, writes, clock and wall time, waits. */
    private record Result(
            int objects, int memberships, Duration clockTime, Duration wallTime, long waits, Duration waited) {
        int writes() {
            return objects + memberships;
        }

        double writesPerSecond(Duration d) {
            return writes() / (d.toNanos() / 1e9);
        }
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 2_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 20;
        int limitedUsers = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 8_000;
        System.out.printf(
                Locale.ROOT,
                "Graph export benchmark: %d cores, Java %s, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());

        run(users, groups, 10); // warm-up: JIT, Jetty, the HTTP client
        Result off = run(users, groups, 0);
        System.out.printf(
                Locale.ROOT,
                "throttling off: %,d users + %,d groups + %,d memberships = %,d writes in %.1f s:"
                        + " %,.0f objects/s, %,.0f writes/s%n",
                users,
                groups,
                off.memberships(),
                off.writes(),
                seconds(off.wallTime()),
                off.objects() / seconds(off.wallTime()),
                off.writesPerSecond(off.wallTime()));

        Result limited = run(limitedUsers, groups, -1);
        double limit = 3_000 / 150.0;
        double achieved = limited.writesPerSecond(limited.clockTime());
        System.out.printf(
                Locale.ROOT,
                "Entra write limits (3,000 writes / 150 s per app and tenant = %.1f writes/s; 18,000 / 5 min per"
                        + " tenant; 35,000 / 5 min per app): %,d users + %,d groups + %,d memberships = %,d writes in"
                        + " %.1f s of clock time (%.1f s wall; waited %,d times, %.1f s in all): %.2f writes/s, ratio to the"
                        + " limit %.3f%n",
                limit,
                limitedUsers,
                groups,
                limited.memberships(),
                limited.writes(),
                seconds(limited.clockTime()),
                seconds(limited.wallTime()),
                limited.waits(),
                seconds(limited.waited()),
                achieved,
                achieved / limit);
    }

    /** {@code warmUp} > 0: that many users, nothing printed; 0: throttling off; -1: Entra's limits. */
    private static Result run(int users, int groups, int mode) {
        boolean limited = mode < 0;
        SkippingClock clock = new SkippingClock();
        GraphEmulator.Builder b = GraphEmulator.builder().clock(limited ? clock : Clock.systemUTC());
        if (limited) {
            b.throttling(ThrottleLimits.entraWriteLimits());
        }
        try (GraphEmulator emulator = b.start()) {
            emulator.tenant("bench").registerApp("joinery", "bench-secret").addVerifiedDomain(DOMAIN);
            GraphConnectorConfig.Builder config = GraphConnectorConfig.builder()
                    .tenant("bench")
                    .authority(URI.create(emulator.baseUrl()))
                    .graphEndpoint(URI.create(emulator.graphUrl()))
                    .clientId("joinery")
                    .clientSecret(SecretReference.value("bench-secret"))
                    .tokenClient(GraphConnectorConfig.TokenClient.HTTP_FORM);
            if (!limited) {
                config.writeRate(Integer.MAX_VALUE, Duration.ofSeconds(1));
            }
            Sleeper sleeper = limited ? clock::skip : Sleeper.system();
            GraphConnector connector = new GraphConnector(config.build(), sleeper);
            connector.open(new Context(limited ? clock : Clock.systemUTC()));
            int n = mode > 0 ? mode : users;
            Instant clockStart = clock.instant();
            long wallStart = System.nanoTime();
            export(connector, users(n));
            List<ExportChange> groupAdds = groups(n, groups);
            export(connector, groupAdds);
            Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
            Duration clockTime = Duration.between(clockStart, clock.instant());
            int memberships = groupAdds.stream()
                    .mapToInt(g ->
                            ((ExportChange.Add) g).attributes().get("members").size())
                    .sum();
            connector.close();
            return new Result(n + groups, memberships, clockTime, wall, clock.waits(), clock.skipped());
        }
    }

    private static void export(GraphConnector connector, List<ExportChange> changes) {
        int batch = connector.maxBatchSize();
        for (int from = 0; from < changes.size(); from += batch) {
            List<ExportResult> results =
                    connector.export(changes.subList(from, Math.min(changes.size(), from + batch)));
            for (ExportResult r : results) {
                if (!r.isApplied()) {
                    throw new IllegalStateException("export failed: " + r.error());
                }
            }
        }
    }

    private static List<ExportChange> users(int n) {
        List<ExportChange> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, List<AttributeValue>> a = new TreeMap<>();
            a.put("displayName", List.of(AttributeValue.text("User " + i)));
            a.put("mailNickname", List.of(AttributeValue.text("user" + i)));
            a.put("accountEnabled", List.of(AttributeValue.bool(true)));
            a.put("jobTitle", List.of(AttributeValue.text("Title " + (i % 17))));
            a.put("department", List.of(AttributeValue.text("Department " + (i % 9))));
            a.put("onPremisesImmutableId", List.of(AttributeValue.text("anchor-" + i)));
            out.add(new ExportChange.Add("user", "users/user" + i + "@" + DOMAIN, a));
        }
        return out;
    }

    /** Every user in group {@code i % groups}, and every third one also in the next group. */
    private static List<ExportChange> groups(int users, int groups) {
        List<List<AttributeValue>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < users; i++) {
            AttributeValue dn = AttributeValue.reference("users/user" + i + "@" + DOMAIN);
            members.get(i % groups).add(dn);
            if (i % 3 == 0) {
                members.get((i + 1) % groups).add(dn);
            }
        }
        List<ExportChange> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Map<String, List<AttributeValue>> a = new TreeMap<>();
            a.put("displayName", List.of(AttributeValue.text("Group " + g)));
            a.put("mailNickname", List.of(AttributeValue.text("group" + g)));
            a.put("mailEnabled", List.of(AttributeValue.bool(false)));
            a.put("securityEnabled", List.of(AttributeValue.bool(true)));
            a.put("members", members.get(g));
            out.add(new ExportChange.Add("group", "groups/group" + g, a));
        }
        return out;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private record Context(Clock clock) implements ConnectorContext {
        @Override
        public String connectorName() {
            return "entra";
        }
    }
}
