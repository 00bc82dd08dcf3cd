package dev.joinery.expr.eval;

import java.time.Duration;
import java.time.Instant;

/**
 * Dates as .NET's {@code DateTime} holds, reads and writes them: 100-nanosecond ticks from 0001-01-01 to
 * 9999-12-31T23:59:59.9999999, always in UTC here (the engine runs in UTC, so .NET's "local" and
 * "unspecified" kinds are UTC too). Parsing is in {@link DotNetDateParser}, formatting in
 * {@link DotNetDateFormatter}. Stateless and thread-safe.
 */
final class DotNetDates {
    private DotNetDates() {}

    /** {@code DateTime.MinValue}. */
    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    /** {@code DateTime.MaxValue}. */
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999900Z");
    /** Day zero of a Windows FILETIME, AD's date format. */
    static final Instant FILETIME_EPOCH = Instant.parse("1601-01-01T00:00:00Z");
    /** The largest FILETIME .NET's {@code DateTime.FromFileTimeUtc} accepts: DateTime.MaxValue. */
    static final long MAX_FILETIME = 2_650_467_743_999_999_999L;

    private static final long TICKS_PER_SECOND = 10_000_000L;

    /**
     * The text a date becomes where text is expected: .NET's invariant-culture general format "G",
     * {@code MM/dd/yyyy HH:mm:ss}, in UTC.
     */
    static String defaultString(Instant instant) {
        return DotNetDateFormatter.format(instant, "G");
    }

    /** True when .NET's DateTime can hold the instant. */
    static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    /** The instant cut to whole ticks (100 ns), the resolution of .NET's DateTime. */
    static Instant truncateToTicks(Instant instant) {
        return instant.minusNanos(instant.getNano() % 100);
    }

    /** .NET's {@code DateTime.FromFileTimeUtc}: null when the number is negative or past DateTime.MaxValue. */
    static Instant fromFileTime(long fileTime) {
        if (fileTime < 0 || fileTime > MAX_FILETIME) {
            return null;
        }
        long seconds = fileTime / TICKS_PER_SECOND;
        long ticks = fileTime % TICKS_PER_SECOND;
        return FILETIME_EPOCH.plusSeconds(seconds).plusNanos(ticks * 100);
    }

    /** .NET's {@code DateTime.ToFileTimeUtc}: null for a date before 1601, which a FILETIME cannot hold. */
    static Long toFileTime(Instant instant) {
        if (instant.isBefore(FILETIME_EPOCH)) {
            return null;
        }
        Duration since = Duration.between(FILETIME_EPOCH, instant);
        return Math.addExact(Math.multiplyExact(since.getSeconds(), TICKS_PER_SECOND), since.getNano() / 100L);
    }
}
