package dev.joinery.connector.scim;

import java.time.Duration;

/** Waits out a Retry-After; tests pass one that records or advances a fake clock. Thread-safe. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
