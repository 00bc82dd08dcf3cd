package dev.joinery.expr.eval;

import java.time.Instant;

/** Dates as .NET reads and writes them. */
final class DotNetDates {
    private DotNetDates() {}

    static String defaultString(Instant instant) {
        return instant.toString();
    }
}
