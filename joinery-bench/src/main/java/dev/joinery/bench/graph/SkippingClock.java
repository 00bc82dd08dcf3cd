package dev.joinery.bench.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock plus every wait skipped so far: work takes its real time, a wait (a {@code Retry-After}, the
 * client's pacing) takes none but moves the clock on. Shared by the emulator and the connector, it lets a benchmark
 * run Entra's write limits (3,000 writes per 150 s) over many windows in minutes. Thread-safe.
 */
final class SkippingClock extends Clock {
    private final AtomicLong skippedNanos = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();

    void skip(Duration d) {
        skippedNanos.addAndGet(d.toNanos());
        waits.incrementAndGet();
    }

    Duration skipped() {
        return Duration.ofNanos(skippedNanos.get());
    }

    long waits() {
        return waits.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(skippedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
