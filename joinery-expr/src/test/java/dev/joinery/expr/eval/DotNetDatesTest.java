package dev.joinery.expr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Expression;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * .NET's date text: the invariant-culture custom and standard formats behind {@code FormatDateTime}, and the
 * general format a date takes where text is expected. Expected values are those of Microsoft's "Custom date
 * and time format strings" and "Standard date and time format strings" pages for the invariant culture
 * (2009-06-15T13:45:30 is their example date; it is a Monday).
 */
class DotNetDatesTest {

    private static final String EXAMPLE = "2009-06-15T13:45:30.6170000Z";

    /** FormatDateTime through the public API; the format is written as an expression string literal. */
    private static Value format(String isoDate, String format) {
        String literal = "\"" + format.replace("\\", "\\\\").replace("\"", "\"\"") + "\"";
        String expression = "FormatDateTime(CDate(\"" + isoDate + "\"), " + literal + ")";
        return Expression.compile(expression).evaluate(MapEvaluationContext.empty());
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "yyyy-MM-dd HH:mm:ss | 2009-06-15 13:45:30",
                "%y                  | 9",
                "yy                  | 09",
                "yyy                 | 2009",
                "yyyy                | 2009",
                "yyyyy               | 02009",
                "%M                  | 6",
                "MM                  | 06",
                "MMM                 | Jun",
                "MMMM                | June",
                "MMMMM               | June",
                "%d                  | 15",
                "dd                  | 15",
                "ddd                 | Mon",
                "dddd                | Monday",
                "%h                  | 1",
                "hh                  | 01",
                "hhh                 | 01",
                "%H                  | 13",
                "HH                  | 13",
                "%m                  | 45",
                "mm                  | 45",
                "%s                  | 30",
                "ss                  | 30",
                "%f                  | 6",
                "ff                  | 61",
                "fff                 | 617",
                "fffffff             | 6170000",
                "%F                  | 6",
                "FFF                 | 617",
                "FFFFFFF             | 617",
                "%t                  | P",
                "tt                  | PM",
                "%z                  | +0",
                "zz                  | +00",
                "zzz                 | +00:00",
                "%K                  | Z",
                "%g                  | A.D.",
                "gg                  | A.D.",
                "yyyy/MM/dd          | 2009/06/15",
                "HH:mm               | 13:45",
                "'Year' yyyy         | Year 2009",
                "`\"Year\" yyyy`     | Year 2009",
                "'a\\'b'             | a'b",
                "\\h\\h              | hh",
                "yyyyMMddHHmmss.0Z   | 20090615134530.0Z",
                "ss.FFF              | 30.617",
                "0Z x-                | 0Z x-",
            })
    void customSpecifiersFollowDotNet(String format, String expected) {
        assertThat(format(EXAMPLE, format.strip())).isEqualTo(Value.of(expected.strip()));
    }

    @Test
    void fractionSpecifiersTrimZerosAndTheDotBeforeThemWithCapitalF() {
        assertThat(format("2009-06-15T13:45:30.0500000Z", "FFF")).isEqualTo(Value.of("05"));
        assertThat(format("2009-06-15T13:45:30.0500000Z", "fff")).isEqualTo(Value.of("050"));
        assertThat(format("2009-06-15T13:45:30Z", "ss.FFF")).isEqualTo(Value.of("30"));
        assertThat(format("2009-06-15T13:45:30Z", "HH:mm:ss.fff")).isEqualTo(Value.of("13:45:30.000"));
        assertThat(format("2009-06-15T13:45:30.0000001Z", "fffffff")).isEqualTo(Value.of("0000001"));
    }

    @Test
    void twelveHourClockShowsTwelveAtMidnightAndNoon() {
        assertThat(format("2009-06-15T00:05:00Z", "h:mm tt")).isEqualTo(Value.of("12:05 AM"));
        assertThat(format("2009-06-15T12:05:00Z", "h:mm tt")).isEqualTo(Value.of("12:05 PM"));
        assertThat(format("2009-06-15T09:05:00Z", "hh:mm t")).isEqualTo(Value.of("09:05 A"));
    }

    @Test
    void yearSpecifiersPadSmallYears() {
        assertThat(format("0001-01-01T00:00:00Z", "%y")).isEqualTo(Value.of("1"));
        assertThat(format("0001-01-01T00:00:00Z", "yy")).isEqualTo(Value.of("01"));
        assertThat(format("0001-01-01T00:00:00Z", "yyy")).isEqualTo(Value.of("001"));
        assertThat(format("0001-01-01T00:00:00Z", "yyyy")).isEqualTo(Value.of("0001"));
        assertThat(format("0001-01-01T00:00:00Z", "yyyyy")).isEqualTo(Value.of("00001"));
    }

    @ParameterizedTest(name = "standard \"{0}\" -> \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "d | 06/15/2009",
                "D | Monday, 15 June 2009",
                "f | Monday, 15 June 2009 13:45",
                "F | Monday, 15 June 2009 13:45:30",
                "g | 06/15/2009 13:45",
                "G | 06/15/2009 13:45:30",
                "m | June 15",
                "M | June 15",
                "o | 2009-06-15T13:45:30.6170000Z",
                "O | 2009-06-15T13:45:30.6170000Z",
                "r | Mon, 15 Jun 2009 13:45:30 GMT",
                "R | Mon, 15 Jun 2009 13:45:30 GMT",
                "s | 2009-06-15T13:45:30",
                "t | 13:45",
                "T | 13:45:30",
                "u | 2009-06-15 13:45:30Z",
                "U | Monday, 15 June 2009 13:45:30",
                "y | 2009 June",
                "Y | 2009 June",
            })
    void standardFormatsAreTheInvariantCulturePatterns(String format, String expected) {
        assertThat(format(EXAMPLE, format)).isEqualTo(Value.of(expected));
    }

    @Test
    void anEmptyFormatIsTheGeneralFormat() {
        assertThat(format(EXAMPLE, "")).isEqualTo(Value.of("06/15/2009 13:45:30"));
    }

    /** Where .NET throws FormatException ("h" alone is not a standard format; "%h" is the hour). */
    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"h", "x", "ffffffff", "FFFFFFFF", "'open", "\"open", "yyyy\\", "%", "%%", "yyyy%"})
    void invalidFormatsAreAnInvalidArgument(String format) {
        Throwable t = catchThrowable(() -> format(EXAMPLE, format));
        assertThat(t).isInstanceOfSatisfying(EvaluationException.class, e -> {
            assertThat(e.code()).isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
            assertThat(e.problem()).startsWith("FormatDateTime: ");
        });
    }

    @Test
    void defaultStringIsTheInvariantGeneralFormatInUtc() {
        assertThat(DotNetDates.defaultString(Instant.parse("2013-01-11T00:00:00Z")))
                .isEqualTo("01/11/2013 00:00:00");
        assertThat(DotNetDates.defaultString(Instant.parse("2009-06-15T13:45:30.617Z")))
                .isEqualTo("06/15/2009 13:45:30");
    }

    @Test
    void fileTimesCoverExactlyTheRangeOfDotNetFromFileTimeUtc() {
        assertThat(DotNetDates.fromFileTime(0)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
        assertThat(DotNetDates.fromFileTime(DotNetDates.MAX_FILETIME)).isEqualTo(DotNetDates.MAX);
        assertThat(DotNetDates.fromFileTime(DotNetDates.MAX_FILETIME + 1)).isNull();
        assertThat(DotNetDates.fromFileTime(-1)).isNull();
        assertThat(DotNetDates.toFileTime(DotNetDates.MAX)).isEqualTo(DotNetDates.MAX_FILETIME);
        assertThat(DotNetDates.toFileTime(Instant.parse("1600-12-31T23:59:59.9999999Z")))
                .isNull();
    }

    @Test
    void theDateRangeIsThatOfDotNetDateTime() {
        assertThat(DotNetDates.inRange(Instant.parse("0001-01-01T00:00:00Z"))).isTrue();
        assertThat(DotNetDates.inRange(Instant.parse("0000-12-31T23:59:59.9999999Z")))
                .isFalse();
        assertThat(DotNetDates.inRange(Instant.parse("9999-12-31T23:59:59.9999999Z")))
                .isTrue();
        assertThat(DotNetDates.inRange(Instant.parse("9999-12-31T23:59:59.99999999Z")))
                .isFalse();
        assertThat(DotNetDates.truncateToTicks(Instant.parse("2000-01-01T00:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2000-01-01T00:00:00.1234567Z"));
    }
}
