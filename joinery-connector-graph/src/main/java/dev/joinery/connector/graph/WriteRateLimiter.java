package dev.joinery.connector.graph;

import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces writes under a documented quota (graph-directory-notes §7: 3,000 writes per 2 min 30 s per application
 * and tenant): a token bucket of {@code writes} refilled evenly over {@code window}, read from the injected
 * clock; {@link #acquire(int)} waits through the injected sleeper. Thread-safe.
 */
final class WriteRateLimiter {
    private final int capacity;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private Instant last;

    WriteRateLimiter(int writes, Duration window, Clock clock, Sleeper sleeper) {
        this.capacity = writes;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = writes;
        this.last = clock.instant();
    }

    /** Takes {@code n} writes' worth of quota (at most the capacity), waiting as long as needed. */
    synchronized void acquire(int n) {
        double need = Math.min(n, capacity);
        while (true) {
            refill();
            if (tokens >= need) {
                tokens -= need;
                return;
            }
            double perNano = capacity / (double) window.toNanos();
            long waitNanos = (long) Math.ceil((need - tokens) / perNano);
            try {
                sleeper.sleep(Duration.ofNanos(Math.max(waitNanos, 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(
                        ConnectorError.of(ConnectorError.Code.OTHER, "interrupted while pacing"), e);
            }
        }
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(last, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * (capacity / (double) window.toNanos()));
            last = now;
        }
    }
}
