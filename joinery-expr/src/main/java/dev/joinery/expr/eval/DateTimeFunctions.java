package dev.joinery.expr.eval;

import static dev.joinery.expr.EvaluationException.Code.INVALID_ARGUMENT;

import dev.joinery.expr.Value;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The Date / Time functions ({@code DateAdd}, {@code DateFromNum}, {@code FormatDateTime}, {@code Now},
 * {@code NumFromDate}) and the two date functions the reference files elsewhere: {@code CDate} (Conversion)
 * and {@code IsDate} (Evaluation). Dates are UTC instants with .NET's range and 100 ns resolution; a result
 * outside 0001-01-01..9999-12-31 is an {@code INVALID_ARGUMENT}, as .NET throws there. A NULL argument
 * gives NULL, except that {@code IsDate(NULL)} is False.
 */
final class DateTimeFunctions {
    private DateTimeFunctions() {}

    static final String CATEGORY = "Date / Time";

    static void register(FunctionLibrary.Builder b) {
        b.function("CDate", "Conversion", "dt CDate(str value)")
                .args(Param.SCALAR)
                .strict((site, args, frame) -> {
                    Value v = args[0];
                    if (v.isNull()) {
                        return Value.NULL;
                    } else if (v instanceof Value.DateTime) {
                        return v;
                    }
                    String text = Coerce.str(site, 0, v);
                    Instant parsed = DotNetDateParser.parse(text);
                    if (parsed == null) {
                        throw site.error(
                                INVALID_ARGUMENT,
                                Coerce.describe(v) + " is not a date (such as \"2013-01-10 4:00 PM -8\", \"12/25/2007\""
                                        + " or \"2012-01-01T23:00:00Z\")");
                    }
                    return Value.of(parsed);
                });

        b.function("IsDate", "Evaluation", "bool IsDate(var Expression)")
                .args(Param.SCALAR)
                .strict((site, args, frame) -> Value.of(isDate(args[0])));

        b.function("DateAdd", CATEGORY, "dt DateAdd(str interval, num value, dt date)")
                .args(Param.SCALAR, Param.SCALAR, Param.SCALAR)
                .strict((site, args, frame) -> {
                    if (args[0].isNull() || args[1].isNull() || args[2].isNull()) {
                        return Value.NULL;
                    }
                    String interval = Coerce.str(site, 0, args[0]);
                    long amount = Coerce.num(site, 1, args[1]);
                    Instant date = Coerce.dt(site, 2, args[2]);
                    Instant result = dateAdd(site, interval, amount, date);
                    if (result == null || !DotNetDates.inRange(result)) {
                        throw site.error(
                                INVALID_ARGUMENT,
                                "adding " + amount + " \"" + interval + "\" to " + date
                                        + " leaves the range of dates (0001-01-01 to 9999-12-31)");
                    }
                    return Value.of(result);
                });

        b.function("DateFromNum", CATEGORY, "dt DateFromNum(num value)")
                .args(Param.SCALAR)
                .strict((site, args, frame) -> {
                    if (args[0].isNull()) {
                        return Value.NULL;
                    }
                    long fileTime = Coerce.num(site, 0, args[0]);
                    Instant date = DotNetDates.fromFileTime(fileTime);
                    if (date == null) {
                        throw site.error(
                                INVALID_ARGUMENT,
                                fileTime + " is not an AD date: it must be 0 (1601-01-01) to "
                                        + DotNetDates.MAX_FILETIME + " (9999-12-31); AD writes "
                                        + Long.MAX_VALUE + " for \"never\"");
                    }
                    return Value.of(date);
                });

        b.function("NumFromDate", CATEGORY, "num NumFromDate(dt value)")
                .args(Param.SCALAR)
                .strict((site, args, frame) -> {
                    if (args[0].isNull()) {
                        return Value.NULL;
                    }
                    Instant date = Coerce.dt(site, 0, args[0]);
                    Long fileTime = DotNetDates.toFileTime(date);
                    if (fileTime == null) {
                        throw site.error(
                                INVALID_ARGUMENT, date + " is before 1601-01-01, the first date AD's format holds");
                    }
                    return Value.of(fileTime);
                });

        b.function("FormatDateTime", CATEGORY, "str FormatDateTime(dt value, str format)")
                .args(Param.SCALAR, Param.SCALAR)
                .strict((site, args, frame) -> {
                    if (args[0].isNull() || args[1].isNull()) {
                        return Value.NULL;
                    }
                    Instant date = Coerce.dt(site, 0, args[0]);
                    String format = Coerce.str(site, 1, args[1]);
                    try {
                        return Value.of(DotNetDateFormatter.format(date, format));
                    } catch (IllegalArgumentException e) {
                        throw site.error(
                                INVALID_ARGUMENT, "the format \"" + format + "\" is not valid: " + e.getMessage());
                    }
                });

        b.function("Now", CATEGORY, "dt Now()")
                .args()
                .strict((site, args, frame) -> Value.of(
                        DotNetDates.truncateToTicks(frame.context.clock().instant())));
    }

    /** True for a date, and for text CDate reads as one; False for anything else, NULL included. */
    private static boolean isDate(Value v) {
        if (v instanceof Value.DateTime) {
            return true;
        }
        String text = v instanceof Value.Str s ? s.value() : null;
        return text != null && DotNetDateParser.parse(text) != null;
    }

    /**
     * VBA's DateAdd as .NET's {@code Microsoft.VisualBasic.DateAndTime.DateAdd} does it: months by .NET's
     * {@code AddMonths}, which keeps the day or clamps it to the month's last day (Jan 31 + 1 month is Feb
     * 28 or 29); {@code y} (day of year), {@code d} and {@code w} (weekday) all add days. Intervals are
     * case-insensitive. Null when the arithmetic overflows.
     */
    private static Instant dateAdd(Site site, String interval, long n, Instant date) {
        LocalDateTime t = LocalDateTime.ofInstant(date, ZoneOffset.UTC);
        try {
            LocalDateTime r =
                    switch (interval.toLowerCase(Locale.ROOT)) {
                        case "yyyy" -> t.plusYears(n);
                        case "q" -> t.plusMonths(Math.multiplyExact(n, 3L));
                        case "m" -> t.plusMonths(n);
                        case "y", "d", "w" -> t.plusDays(n);
                        case "ww" -> t.plusWeeks(n);
                        case "h" -> t.plusHours(n);
                        case "n" -> t.plusMinutes(n);
                        case "s" -> t.plusSeconds(n);
                        default ->
                            throw site.error(
                                    INVALID_ARGUMENT,
                                    "unknown interval \"" + interval + "\"; use yyyy (year), q (quarter), m (month),"
                                            + " y (day of year), d (day), w (weekday), ww (week), h (hour),"
                                            + " n (minute) or s (second)");
                    };
            return r.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }
}
