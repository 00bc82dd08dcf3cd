package dev.joinery.connector.spi;

import java.time.Duration;

/**
 * How a connector waits: between reconnect attempts, or out a server's Retry-After. Tests pass one that records
 * or advances a fake clock, so that no test sleeps. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
