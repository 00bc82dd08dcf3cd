package dev.joinery.expr.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as {@code CDate} does: .NET's {@code DateTime.Parse} with the invariant culture, the result
 * taken to UTC. Accepted, in any letter case:
 *
 * <ul>
 *   <li>a date: {@code 2013-01-10} (also with {@code /} or {@code .}), US month first {@code 12/25/2007} or
 *       {@code 12-25-07} (two-digit years up to 29 are 20xx, others 19xx, as .NET), or with an English month
 *       name {@code 10 Jan 2013}, {@code January 10, 2013}; optionally after a weekday name, which must then
 *       be right ({@code Thu, 10 Jan 2013});
 *   <li>then optionally a time after a space or {@code T}: {@code 23:00}, {@code 23:00:00},
 *       {@code 23:00:00.1234567} (rounded to 100 ns), {@code 4:00 PM}, {@code 4 PM};
 *   <li>then optionally a zone: {@code Z}, {@code UTC}, {@code GMT} or an offset {@code -8}, {@code -08},
 *       {@code -0800}, {@code +05:30} (at most 14 hours), also after {@code GMT}.
 * </ul>
 *
 * Without a zone the date is UTC (.NET would take local time; the engine runs in UTC). A time without a
 * date is refused, where .NET would take today's date: a rule must not depend on the day it runs. Stateless
 * and thread-safe.
 */
final class DotNetDateParser {
    private DotNetDateParser() {}

    private static final String WEEKDAY = "(?:(?<wd>[a-z]+)\\.?(?:,\\s*|\\s+))?";
    private static final String MONTH = "(?<m>[a-z]{3,9})\\.?";
    private static final String REST =
            "(?:(?:T|\\s+)(?<h>\\d{1,2})(?::(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,](?<f>\\d+))?)?)?"
                    + "(?:\\s*(?<ampm>AM|PM|A\\.M\\.|P\\.M\\.))?)?"
                    + "\\s*(?:(?<utc>Z|UTC|GMT)|(?:(?:UTC|GMT)\\s*)?(?<sign>[+-])\\s*(?<zh>\\d{1,2})(?::?(?<zm>\\d{2}))?)?";

    private static final List<Pattern> FORMS = List.of(
            form("(?<y>\\d{4})(?<sep>[-/.])(?<m>\\d{1,2})\\k<sep>(?<d>\\d{1,2})"),
            form("(?<m>\\d{1,2})(?<sep>[-/.])(?<d>\\d{1,2})\\k<sep>(?<y>\\d{4}|\\d{2})"),
            form("(?<d>\\d{1,2})[\\s-]+" + MONTH + "[\\s-]+(?<y>\\d{4})"),
            form(MONTH + "\\s+(?<d>\\d{1,2}),?\\s+(?<y>\\d{4})"));

    private static final String[] MONTHS = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };

    private static Pattern form(String date) {
        return Pattern.compile("\\s*" + WEEKDAY + date + REST + "\\s*", Pattern.CASE_INSENSITIVE);
    }

    /** The UTC instant the text denotes, or null when it is not a date .NET's DateTime can hold. */
    static Instant parse(String text) {
        for (Pattern p : FORMS) {
            Matcher m = p.matcher(text);
            if (m.matches()) {
                return build(m);
            }
        }
        return null;
    }

    private static Instant build(Matcher m) {
        int year = Integer.parseInt(m.group("y"));
        if (m.group("y").length() == 2) {
            year += year <= 29 ? 2000 : 1900; // the invariant calendar's TwoDigitYearMax is 2029
        }
        String monthText = m.group("m");
        int month = Character.isDigit(monthText.charAt(0)) ? Integer.parseInt(monthText) : month(monthText);
        LocalDate date;
        try {
            date = LocalDate.of(year, month, Integer.parseInt(m.group("d")));
        } catch (DateTimeException e) {
            return null;
        }
        if (year < 1 || (m.group("wd") != null && !weekdayMatches(m.group("wd"), date.getDayOfWeek()))) {
            return null;
        }
        LocalDateTime local = date.atStartOfDay();
        if (m.group("h") != null) {
            local = time(m, date);
            if (local == null) {
                return null;
            }
        }
        int offsetSeconds = 0;
        if (m.group("sign") != null) {
            int hours = Integer.parseInt(m.group("zh"));
            int minutes = m.group("zm") == null ? 0 : Integer.parseInt(m.group("zm"));
            offsetSeconds = hours * 3600 + minutes * 60;
            if (minutes > 59 || offsetSeconds > 14 * 3600) {
                return null;
            }
            offsetSeconds = m.group("sign").equals("-") ? -offsetSeconds : offsetSeconds;
        }
        Instant instant = local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        return DotNetDates.inRange(instant) ? instant : null;
    }

    private static LocalDateTime time(Matcher m, LocalDate date) {
        int hour = Integer.parseInt(m.group("h"));
        String ampm = m.group("ampm");
        if (m.group("mi") == null && ampm == null) {
            return null; // "2013-01-10 4" is no time
        }
        if (ampm != null) {
            if (hour > 12) {
                return null;
            }
            boolean pm = Character.toUpperCase(ampm.charAt(0)) == 'P';
            hour = hour % 12 + (pm ? 12 : 0);
        } else if (hour > 23) {
            return null;
        }
        int minute = m.group("mi") == null ? 0 : Integer.parseInt(m.group("mi"));
        int second = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
        if (minute > 59 || second > 59) {
            return null;
        }
        LocalDateTime t = date.atTime(hour, minute, second);
        if (m.group("f") != null) {
            long ticks = new BigDecimal("0." + m.group("f"))
                    .movePointRight(7)
                    .setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
            t = t.plusNanos(ticks * 100);
        }
        return t;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(n) || MONTHS[i].substring(0, 3).equals(n)) {
                return i + 1;
            }
        }
        return 13; // no such month: LocalDate.of refuses it
    }

    private static boolean weekdayMatches(String name, DayOfWeek actual) {
        String n = name.toLowerCase(Locale.ROOT);
        String full = actual.name().toLowerCase(Locale.ROOT);
        return n.equals(full) || n.equals(full.substring(0, 3));
    }
}
