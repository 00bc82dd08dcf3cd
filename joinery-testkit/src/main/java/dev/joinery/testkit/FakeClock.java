package dev.joinery.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Thread-safe: the time is one atomic reference,
 * shared with every clock {@link #withZone(ZoneId)} derives, so moving one moves them all.
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.at(Instant.parse("2025-01-01T00:00:00Z"));
 * clock.advance(Duration.ofDays(2));
 * assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-03T00:00:00Z"));
 * }</pre>
 */
public final class FakeClock extends Clock {
    /** Where {@link #create()} starts: a fixed, unremarkable instant. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private FakeClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock at {@link #DEFAULT_START} in UTC. */
    public static FakeClock create() {
        return at(DEFAULT_START);
    }

    /** A clock at {@code start} in UTC. */
    public static FakeClock at(Instant start) {
        return new FakeClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalArgumentException when {@code amount} is negative; use {@link #set(Instant)} to go back
     * @return the new instant
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a clock advances by a positive amount, not " + amount);
        }
        return now.updateAndGet(t -> t.plus(amount));
    }

    /** Sets the time, backwards too (to test a clock that was corrected). */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A clock in another zone that shares this one's time. */
    @Override
    public FakeClock withZone(ZoneId zone) {
        return new FakeClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "FakeClock[" + now.get() + ", " + zone + "]";
    }
}
