package dev.joinery.bench.sync;

import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.run.SyncEngine;
import dev.joinery.engine.store.InMemorySyncStore;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.SyncSettings;
import dev.joinery.store.JdbcSyncStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * End-to-end sync benchmark: a full cycle (full import, full synchronization, export) of N generated HR objects
 * through {@link BenchRules} into a counting target, then a delta cycle after 1% of the objects changed. Prints
 * objects per second per step and the peak heap. Run by {@code ./bench sync}, never by the tests.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks.jar dev.joinery.bench.sync.SyncBenchmark h2 100000 [jdbc-url]
 * </pre>
 */
public final class SyncBenchmark {
    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "h2";
        int size = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 100_000;
        SyncStore store;
        Path folder = null;
        switch (kind) {
            case "memory":
                store = InMemorySyncStore.create();
                break;
            case "h2":
                folder = Files.createTempDirectory("joinery-bench");
                store = JdbcSyncStore.h2(folder.resolve("store"));
                break;
            case "postgresql":
                store = JdbcSyncStore.open(args[2], args.length > 3 ? args[3] : "postgres", "");
                break;
            default:
                throw new IllegalArgumentException("store: memory, h2 or postgresql");
        }
        GeneratedSource source = new GeneratedSource(size);
        CountingTarget target = new CountingTarget();
        SyncSettings.Builder builder = SyncSettings.builder()
                .connector(ConnectorSettings.of(BenchRules.HR).withSchema(BenchRules.hrSchema()))
                .connector(ConnectorSettings.of(BenchRules.CLOUD).withSchema(BenchRules.cloudSchema()))
                .rules(BenchRules.rules());
        Integer batch = Integer.getInteger("joinery.bench.batch"); // the engine's default unless given
        if (batch != null) {
            builder.batchSize(batch);
        }
        SyncSettings settings = builder.build();
        SyncEngine engine = SyncEngine.builder(store, settings)
                .connector(BenchRules.HR, source)
                .connector(BenchRules.CLOUD, target)
                .build();
        System.out.printf(
                Locale.ROOT,
                "sync benchmark: %,d objects, store %s, max heap %d MiB, %d cores%n",
                size,
                kind,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        long start = System.nanoTime();
        step("full import", size, () -> engine.fullImport(BenchRules.HR));
        step("full synchronization", size, () -> engine.fullSync(BenchRules.HR));
        step("export (adds)", size, () -> engine.export(BenchRules.CLOUD));
        double full = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "full cycle: %.1f s, %,.0f objects/s; target got %,d adds%n",
                full,
                size / full,
                target.adds);

        source.change();
        int changed = source.changedPerVersion();
        long deltaStart = System.nanoTime();
        step("delta import", changed, () -> engine.deltaImport(BenchRules.HR));
        step("delta synchronization", changed, () -> engine.deltaSync(BenchRules.HR));
        step("export (updates)", changed, () -> engine.export(BenchRules.CLOUD));
        double delta = (System.nanoTime() - deltaStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "delta cycle: %,d changed objects in %.2f s (%,.0f objects/s); target got %,d modifies%n",
                changed,
                delta,
                changed / delta,
                target.modifies);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks): %d MiB%n", peak >> 20);
        store.close();
        if (folder != null) {
            System.out.printf(Locale.ROOT, "H2 file: %d MiB%n", Files.size(folder.resolve("store.mv.db")) >> 20);
        }
    }

    private interface Step {
        RunRecord run();
    }

    private static void step(String name, int objects, Step step) {
        long t = System.nanoTime();
        long cpu = processCpuNanos();
        RunRecord r = step.run();
        double s = (System.nanoTime() - t) / 1e9;
        double c = (processCpuNanos() - cpu) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  %-22s %8.2f s %,10.0f objects/s  (CPU %.2f s, %,.0f objects per CPU-second)  %s %s%n",
                name,
                s,
                objects / s,
                c,
                objects / c,
                r.status(),
                r.counts());
    }

    /**
     * CPU time of the whole process (every thread, the store's included): on a machine shared with other work the
     * wall time overstates what the engine costs, the CPU time does not.
     */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
