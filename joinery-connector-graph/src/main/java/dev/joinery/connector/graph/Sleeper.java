package dev.joinery.connector.graph;

import java.time.Duration;

/** Waits; tests pass one that advances a fake clock instead. Implementations are thread-safe. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
