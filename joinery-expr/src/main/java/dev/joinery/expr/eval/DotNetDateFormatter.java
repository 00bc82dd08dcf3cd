package dev.joinery.expr.eval;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * .NET's {@code DateTime.ToString(format, CultureInfo.InvariantCulture)} for a UTC date, written by hand
 * because Java's {@code DateTimeFormatter} reads the same letters differently: in .NET {@code Z} and
 * {@code 0} are literal characters, {@code z}/{@code zz}/{@code zzz} and {@code K} are the offset, a
 * format of one letter is a <em>standard</em> format ("d" is the short date, not the day) and
 * {@code %d} is the day alone. Stateless and thread-safe.
 */
final class DotNetDateFormatter {
    private DotNetDateFormatter() {}

    private static final String[] DAY_NAMES = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    };
    private static final String[] MONTH_NAMES = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };

    /** The invariant culture's standard formats, by their letter. */
    private static final Map<Character, String> STANDARD = Map.ofEntries(
            Map.entry('d', "MM/dd/yyyy"),
            Map.entry('D', "dddd, dd MMMM yyyy"),
            Map.entry('f', "dddd, dd MMMM yyyy HH:mm"),
            Map.entry('F', "dddd, dd MMMM yyyy HH:mm:ss"),
            Map.entry('g', "MM/dd/yyyy HH:mm"),
            Map.entry('G', "MM/dd/yyyy HH:mm:ss"),
            Map.entry('m', "MMMM dd"),
            Map.entry('M', "MMMM dd"),
            Map.entry('o', "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"),
            Map.entry('O', "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"),
            Map.entry('r', "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"),
            Map.entry('R', "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"),
            Map.entry('s', "yyyy'-'MM'-'dd'T'HH':'mm':'ss"),
            Map.entry('t', "HH:mm"),
            Map.entry('T', "HH:mm:ss"),
            Map.entry('u', "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"),
            Map.entry('U', "dddd, dd MMMM yyyy HH:mm:ss"),
            Map.entry('y', "yyyy MMMM"),
            Map.entry('Y', "yyyy MMMM"));

    /**
     * Formats a UTC instant.
     *
     * @param format a .NET standard (one letter) or custom format; empty means "G"
     * @throws IllegalArgumentException where .NET throws a FormatException: an unknown standard format,
     *     more than seven {@code f}/{@code F}, an unclosed quote, a trailing {@code \} or {@code %}
     */
    static String format(Instant instant, String format) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (format.isEmpty()) {
            format = "G";
        }
        if (format.length() == 1) {
            String expanded = STANDARD.get(format.charAt(0));
            if (expanded == null) {
                throw new IllegalArgumentException(
                        "\"" + format + "\" is not a standard date format (d D f F g G M m o O r R s t T u U Y y);"
                                + " write %" + format + " for the custom specifier alone");
            }
            format = expanded;
        }
        StringBuilder out = new StringBuilder(format.length() + 16);
        custom(t, format, out);
        return out.toString();
    }

    private static void custom(LocalDateTime t, String f, StringBuilder out) {
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            int n = repeat(f, i, c);
            switch (c) {
                case 'g' -> out.append("A.D.");
                case 'h' -> digits(out, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, Math.min(n, 2));
                case 'H' -> digits(out, t.getHour(), Math.min(n, 2));
                case 'm' -> digits(out, t.getMinute(), Math.min(n, 2));
                case 's' -> digits(out, t.getSecond(), Math.min(n, 2));
                case 'f', 'F' -> fraction(out, t.getNano() / 100, n, c == 'F');
                case 't' -> out.append(n == 1 ? (t.getHour() < 12 ? "A" : "P") : (t.getHour() < 12 ? "AM" : "PM"));
                case 'd' -> {
                    if (n <= 2) {
                        digits(out, t.getDayOfMonth(), n);
                    } else {
                        String name = DAY_NAMES[t.getDayOfWeek().getValue() - 1];
                        out.append(n == 3 ? name.substring(0, 3) : name);
                    }
                }
                case 'M' -> {
                    if (n <= 2) {
                        digits(out, t.getMonthValue(), n);
                    } else {
                        String name = MONTH_NAMES[t.getMonthValue() - 1];
                        out.append(n == 3 ? name.substring(0, 3) : name);
                    }
                }
                case 'y' -> {
                    if (n <= 2) {
                        digits(out, t.getYear() % 100, n);
                    } else {
                        digits(out, t.getYear(), n);
                    }
                }
                case 'z' -> out.append(n == 1 ? "+0" : n == 2 ? "+00" : "+00:00"); // always UTC
                case 'K' -> {
                    n = 1;
                    out.append('Z'); // a UTC DateTime
                }
                case ':', '/' -> {
                    n = 1;
                    out.append(c); // the invariant culture's time and date separators
                }
                case '\'', '"' -> n = quoted(f, i, out);
                case '%' -> {
                    if (i + 1 >= f.length() || f.charAt(i + 1) == '%') {
                        throw new IllegalArgumentException("'%' must be followed by one format specifier");
                    }
                    custom(t, String.valueOf(f.charAt(i + 1)), out);
                    n = 2;
                }
                case '\\' -> {
                    if (i + 1 >= f.length()) {
                        throw new IllegalArgumentException("'\\' at the end of the format escapes nothing");
                    }
                    out.append(f.charAt(i + 1));
                    n = 2;
                }
                default -> {
                    n = 1;
                    out.append(c);
                }
            }
            i += n;
        }
    }

    private static int repeat(String f, int at, char c) {
        int end = at + 1;
        while (end < f.length() && f.charAt(end) == c) {
            end++;
        }
        return end - at;
    }

    private static void digits(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int k = s.length(); k < width; k++) {
            out.append('0');
        }
        out.append(s);
    }

    /** {@code f}: exactly n digits of the ticks; {@code F}: without trailing zeros, and no lone '.' before. */
    private static void fraction(StringBuilder out, int ticks, int n, boolean trim) {
        if (n > 7) {
            throw new IllegalArgumentException("at most 7 fraction digits (fffffff), not " + n);
        }
        int value = ticks;
        for (int k = n; k < 7; k++) {
            value /= 10;
        }
        int width = n;
        if (trim) {
            while (width > 0 && value % 10 == 0) {
                value /= 10;
                width--;
            }
            if (width == 0) {
                if (out.length() > 0 && out.charAt(out.length() - 1) == '.') {
                    out.setLength(out.length() - 1);
                }
                return;
            }
        }
        digits(out, value, width);
    }

    /** Copies a quoted literal, where a backslash escapes the next character; returns the length consumed. */
    private static int quoted(String f, int at, StringBuilder out) {
        char quote = f.charAt(at);
        int i = at + 1;
        while (i < f.length()) {
            char c = f.charAt(i++);
            if (c == quote) {
                return i - at;
            } else if (c == '\\') {
                if (i >= f.length()) {
                    throw new IllegalArgumentException("'\\' at the end of the format escapes nothing");
                }
                out.append(f.charAt(i++));
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("the quote " + quote + " opened at position " + (at + 1) + " is not closed");
    }
}
