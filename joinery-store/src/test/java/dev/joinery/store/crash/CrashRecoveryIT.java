package dev.joinery.store.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.store.JdbcSyncStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A crash repeats at most one batch and never duplicates a create in a target": {@link CrashScenario} runs in a
 * forked JVM that is killed with SIGKILL ({@link Process#destroyForcibly()}) at seeded random moments and started
 * again until it completes; its end state must equal that of a run never interrupted.
 */
class CrashRecoveryIT {
    private static final int MAX_KILLS = 12;

    @TempDir
    Path folder;

    @Test
    void aRunKilledAtRandomMomentsEndsLikeAnUninterruptedOneWithoutDuplicatesOrLostChanges() throws Exception {
        long seed = Long.getLong("joinery.crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryIT seed " + seed + " (-Djoinery.crash.seed=" + seed + " repeats it)");
        SplittableRandom random = new SplittableRandom(seed);

        Path reference = folder.resolve("reference");
        long start = System.nanoTime();
        assertThat(run(reference, 0)).as("uninterrupted run").isTrue();
        long uninterruptedMillis = (System.nanoTime() - start) / 1_000_000;

        Path crashed = folder.resolve("crashed");
        int kills = 0;
        List<Long> delays = new ArrayList<>();
        while (true) {
            long delay = kills < MAX_KILLS ? 300 + random.nextLong(Math.max(400, uninterruptedMillis)) : 0;
            if (run(crashed, delay)) {
                break;
            }
            delays.add(delay);
            kills++;
        }
        System.out.println("CrashRecoveryIT seed " + seed + ": killed " + kills + " times after " + delays + " ms");

        assertThat(SavedDirectory.contents(crashed.resolve("cloud.txt")))
                .as("target after kills (seed %d)", seed)
                .isEqualTo(SavedDirectory.contents(reference.resolve("cloud.txt")));
        assertThat(metaverse(crashed)).as("metaverse (seed %d)", seed).isEqualTo(metaverse(reference));
        assertThat(pendingExports(crashed))
                .as("pending exports (seed %d)", seed)
                .isZero();
        List<String> lines = SavedDirectory.contents(crashed.resolve("cloud.txt"));
        assertThat(lines.stream().map(l -> l.split("\t")[1]).distinct().count())
                .as("one target object per DN")
                .isEqualTo(lines.size());
    }

    /** Runs the scenario; with a delay, kills it then. Whether it completed. */
    private static boolean run(Path dir, long killAfterMillis) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve("out.log");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashScenario.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (killAfterMillis > 0 && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            return false;
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the scenario did not end within 120 s; see " + log);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("the scenario failed (exit " + p.exitValue() + "):\n" + out);
        }
        return out.contains("DONE");
    }

    /** The metaverse objects the HR objects are joined to, by their values, sorted; and the count of all. */
    private static List<String> metaverse(Path dir) {
        try (JdbcSyncStore store = JdbcSyncStore.h2(dir.resolve("store"));
                SyncTransaction tx = store.begin()) {
            List<String> all = new ArrayList<>();
            for (UUID cs : tx.csIds("HR")) {
                tx.cs(cs)
                        .filter(CsObject::isLinked)
                        .ifPresent(o -> all.add(tx.mv(o.link().mvId())
                                .map(MvObject::valueMap)
                                .orElseThrow()
                                .toString()));
            }
            all.sort(null);
            all.add("metaverse objects: " + tx.mvCount());
            return all;
        }
    }

    private static int pendingExports(Path dir) {
        try (JdbcSyncStore store = JdbcSyncStore.h2(dir.resolve("store"));
                SyncTransaction tx = store.begin()) {
            return tx.pendingExports("cloud").size();
        }
    }
}
