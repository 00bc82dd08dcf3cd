package dev.joinery.expr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Expression;
import dev.joinery.expr.ExpressionSyntaxException;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DateAdd, DateFromNum, FormatDateTime, Now, NumFromDate, CDate and IsDate, through the public API. */
class DateTimeFunctionsTest {

    private static Value eval(String expression) {
        return eval(expression, MapEvaluationContext.empty());
    }

    private static Value eval(String expression, MapEvaluationContext context) {
        return Expression.compile(expression).evaluate(context);
    }

    private static Value date(String iso) {
        return Value.of(Instant.parse(iso));
    }

    private static EvaluationException failure(String expression) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> eval(expression));
        assertThat(t).as(expression).isInstanceOf(EvaluationException.class);
        return (EvaluationException) t;
    }

    // ---- CDate ----------------------------------------------------------------------------------------

    /**
     * FUNCREF CDate: "{@code CDate("2013-01-10 4:00 PM -8")} Returns a DateTime representing "2013-01-11 12:00
     * AM"" and "The returned string is always in UTC."
     */
    @Test
    void cdateReadsTheDocumentedExampleAndConvertsTheOffsetToUtc() {
        assertThat(eval("CDate(\"2013-01-10 4:00 PM -8\")")).isEqualTo(date("2013-01-11T00:00:00Z"));
    }

    @ParameterizedTest(name = "CDate(\"{0}\") = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2001-01-01                       | 2001-01-01T00:00:00Z",
                "12/25/2007                       | 2007-12-25T00:00:00Z",
                "2012-01-01 23:00:00              | 2012-01-01T23:00:00Z",
                "2013-01-10T16:00:00Z             | 2013-01-10T16:00:00Z",
                "2013-01-10T16:00:00+05:30        | 2013-01-10T10:30:00Z",
                "2013-01-10T16:00:00-08           | 2013-01-11T00:00:00Z",
                "2013-01-10T16:00:00-0800         | 2013-01-11T00:00:00Z",
                "2013-01-10 16:00 +1              | 2013-01-10T15:00:00Z",
                "2013-01-10T16:00:00.1234567Z     | 2013-01-10T16:00:00.123456700Z",
                "2013-01-10T16:00:00.5Z           | 2013-01-10T16:00:00.500Z",
                "2013-01-10 12:30 AM              | 2013-01-10T00:30:00Z",
                "2013-01-10 12:30 PM              | 2013-01-10T12:30:00Z",
                "2013-01-10 4 PM                  | 2013-01-10T16:00:00Z",
                "2013-01-10 4:05:06 am            | 2013-01-10T04:05:06Z",
                "2013/01/10                       | 2013-01-10T00:00:00Z",
                "1/2/2013                         | 2013-01-02T00:00:00Z",
                "12/25/07                         | 2007-12-25T00:00:00Z",
                "1/1/30                           | 1930-01-01T00:00:00Z",
                "10 Jan 2013                      | 2013-01-10T00:00:00Z",
                "January 10, 2013 4:00 PM         | 2013-01-10T16:00:00Z",
                "'Thu, 10 Jan 2013 16:00:00 GMT'  | 2013-01-10T16:00:00Z",
                "2013-01-10 16:00:00Z             | 2013-01-10T16:00:00Z",
                "'  2001-01-01  '                 | 2001-01-01T00:00:00Z",
                "2024-02-29                       | 2024-02-29T00:00:00Z",
                "2000-02-29                       | 2000-02-29T00:00:00Z",
                "9999-12-31 23:59:59              | 9999-12-31T23:59:59Z",
                "0001-01-01                       | 0001-01-01T00:00:00Z",
            })
    void cdateReadsDatesTimesAndOffsetsAsDotNetInvariantCultureDoes(String text, String expected) {
        assertThat(eval("CDate(\"" + text + "\")")).isEqualTo(date(expected));
    }

    @ParameterizedTest(name = "CDate(\"{0}\") fails")
    @ValueSource(
            strings = {
                "not a date",
                "",
                "2013-13-01",
                "2023-02-29",
                "1900-02-29",
                "2013-01-32",
                "2013-01-10 24:00",
                "2013-01-10 13:00 PM",
                "2013-01-10 10:60",
                "2013-01-10 4",
                "2013-01-10 16:00 +15",
                "Fri, 10 Jan 2013",
                "16:00",
                "0001-01-01 00:00 +1",
                "20140905081453.0Z",
                "2013-01-10 16:00 tomorrow"
            })
    void cdateRefusesTextThatIsNotADateWithInvalidArgumentNamingTheValue(String text) {
        EvaluationException e = failure("CDate(\"" + text + "\")");
        assertThat(e.code()).isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
        assertThat(e.problem()).startsWith("CDate: ").contains("\"" + text + "\"");
    }

    @Test
    void cdateOfNullOrAnAbsentAttributeIsNull() {
        assertThat(eval("CDate(NULL)")).isEqualTo(Value.NULL);
        assertThat(eval("CDate([employeeStartTime])")).isEqualTo(Value.NULL);
    }

    /** FUNCREF CDate: "{@code CDate([employeeStartTime])} Returns a DateTime based on the employee’s start time". */
    @Test
    void cdateReadsAnAttributeAndEachValueOfAMultiValuedOne() {
        MapEvaluationContext single = MapEvaluationContext.builder()
                .attribute("employeeStartTime", "2020-03-01 08:00")
                .build();
        assertThat(eval("CDate([employeeStartTime])", single)).isEqualTo(date("2020-03-01T08:00:00Z"));

        MapEvaluationContext multi = MapEvaluationContext.builder()
                .multiValued("dates", List.of(Value.of("2001-01-01"), Value.of("12/25/2007")))
                .build();
        assertThat(eval("CDate([dates])", multi))
                .isEqualTo(Value.multi(List.of(date("2001-01-01T00:00:00Z"), date("2007-12-25T00:00:00Z"))));
    }

    @Test
    void cdateOfADateIsThatDateAndOfBinaryIsATypeMismatch() {
        assertThat(eval("CDate(DateFromNum(129699324000000001))")).isEqualTo(date("2012-01-01T23:00:00.0000001Z"));
        MapEvaluationContext bin = MapEvaluationContext.builder()
                .attribute("objectGUID", Value.ofBytes(new byte[] {1, 2}))
                .build();
        assertThatThrownBy(() -> eval("CDate([objectGUID])", bin))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.code())
                        .isEqualTo(EvaluationException.Code.TYPE_MISMATCH));
    }

    // ---- IsDate --------------------------------------------------------------------------------------

    /** FUNCREF IsDate: "Used to determine if CDate() can be successful." */
    @ParameterizedTest(name = "IsDate(\"{0}\") agrees with CDate")
    @ValueSource(strings = {"2013-01-10 4:00 PM -8", "12/25/2007", "2023-02-29", "garbage", "", "16:00", "1/1/30"})
    void isDateIsTrueExactlyWhenCDateSucceeds(String text) {
        boolean cdateWorks;
        try {
            eval("CDate(\"" + text + "\")");
            cdateWorks = true;
        } catch (EvaluationException e) {
            cdateWorks = false;
        }
        assertThat(eval("IsDate(\"" + text + "\")")).isEqualTo(Value.of(cdateWorks));
    }

    @Test
    void isDateIsTrueForADateAndFalseForNullNumbersAndBinary() {
        assertThat(eval("IsDate(Now())")).isEqualTo(Value.TRUE);
        assertThat(eval("IsDate(NULL)")).isEqualTo(Value.FALSE);
        assertThat(eval("IsDate([absent])")).isEqualTo(Value.FALSE);
        assertThat(eval("IsDate(20130110)")).isEqualTo(Value.FALSE);
        MapEvaluationContext bin = MapEvaluationContext.builder()
                .attribute("b", Value.ofBytes(new byte[] {0x32, 0x30}))
                .build();
        assertThat(eval("IsDate([b])", bin)).isEqualTo(Value.FALSE);
    }

    // ---- DateAdd -------------------------------------------------------------------------------------

    /** FUNCREF DateAdd: "Adds 3 months and returns a DateTime representing "2001-04-01"." */
    @Test
    void dateAddAddsThreeMonthsInTheDocumentedExample() {
        assertThat(eval("DateAdd(\"m\", 3, CDate(\"2001-01-01\"))")).isEqualTo(date("2001-04-01T00:00:00Z"));
    }

    /**
     * FUNCREF DateAdd: intervals "yyyy Year, q Quarter, m Month, y Day of year, d Day, w Weekday, ww Week, h
     * Hour, n Minute, s Second"; value "can be positive ... or negative". As in VBA, y and w add days.
     */
    @ParameterizedTest(name = "DateAdd(\"{0}\", {1}, 2001-01-31T10:20:30Z) = {2}")
    @CsvSource({
        "yyyy, 2, 2003-01-31T10:20:30Z",
        "yyyy, -2, 1999-01-31T10:20:30Z",
        "q, 1, 2001-04-30T10:20:30Z",
        "q, -1, 2000-10-31T10:20:30Z",
        "m, 1, 2001-02-28T10:20:30Z",
        "m, -1, 2000-12-31T10:20:30Z",
        "m, 13, 2002-02-28T10:20:30Z",
        "y, 1, 2001-02-01T10:20:30Z",
        "d, 1, 2001-02-01T10:20:30Z",
        "d, -31, 2000-12-31T10:20:30Z",
        "w, 1, 2001-02-01T10:20:30Z",
        "ww, 1, 2001-02-07T10:20:30Z",
        "ww, -1, 2001-01-24T10:20:30Z",
        "h, 14, 2001-02-01T00:20:30Z",
        "n, -21, 2001-01-31T09:59:30Z",
        "s, 30, 2001-01-31T10:21:00Z",
        "YYYY, 1, 2002-01-31T10:20:30Z",
        "M, 1, 2001-02-28T10:20:30Z",
    })
    void dateAddAddsEachIntervalForwardsAndBackwards(String interval, long amount, String expected) {
        assertThat(eval("DateAdd(\"" + interval + "\", " + amount + ", CDate(\"2001-01-31T10:20:30Z\"))"))
                .isEqualTo(date(expected));
    }

    @Test
    void dateAddClampsToTheMonthEndAsDotNetAddMonthsIncludingLeapYears() {
        assertThat(eval("DateAdd(\"m\", 1, CDate(\"2004-01-31\"))")).isEqualTo(date("2004-02-29T00:00:00Z"));
        assertThat(eval("DateAdd(\"yyyy\", 1, CDate(\"2004-02-29\"))")).isEqualTo(date("2005-02-28T00:00:00Z"));
        assertThat(eval("DateAdd(\"yyyy\", 4, CDate(\"2004-02-29\"))")).isEqualTo(date("2008-02-29T00:00:00Z"));
        assertThat(eval("DateAdd(\"q\", 1, CDate(\"2001-11-30\"))")).isEqualTo(date("2002-02-28T00:00:00Z"));
        assertThat(eval("DateAdd(\"d\", 1, CDate(\"2000-02-28\"))")).isEqualTo(date("2000-02-29T00:00:00Z"));
        assertThat(eval("DateAdd(\"d\", 1, CDate(\"1900-02-28\"))")).isEqualTo(date("1900-03-01T00:00:00Z"));
    }

    @Test
    void dateAddRefusesAnUnknownInterval() {
        EvaluationException e = failure("DateAdd(\"x\", 1, CDate(\"2001-01-01\"))");
        assertThat(e.code()).isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
        assertThat(e.problem()).startsWith("DateAdd: ").contains("\"x\"").contains("yyyy");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DateAdd(\"yyyy\", 8000, CDate(\"2001-01-01\"))",
                "DateAdd(\"d\", -1, CDate(\"0001-01-01\"))",
                "DateAdd(\"s\", 9223372036854775807, CDate(\"2001-01-01\"))",
                "DateAdd(\"q\", -9223372036854775807, CDate(\"2001-01-01\"))",
                "DateAdd(\"ww\", 9223372036854775807, CDate(\"2001-01-01\"))"
            })
    void dateAddOutsideTheRangeOfDotNetDatesIsAnInvalidArgument(String expression) {
        EvaluationException e = failure(expression);
        assertThat(e.code()).isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
        assertThat(e.problem()).startsWith("DateAdd: ");
    }

    @Test
    void dateAddWithANullArgumentIsNullAndTakesTheAmountAsTextToo() {
        assertThat(eval("DateAdd(\"d\", 1, [absent])")).isEqualTo(Value.NULL);
        assertThat(eval("DateAdd(NULL, 1, Now())")).isEqualTo(Value.NULL);
        assertThat(eval("DateAdd(\"d\", \"2\", CDate(\"2001-01-01\"))")).isEqualTo(date("2001-01-03T00:00:00Z"));
    }

    /** The date must be a dt: text is not converted implicitly (write CDate), as Coerce.dt decides. */
    @Test
    void dateAddOfTextInsteadOfADateIsATypeMismatch() {
        assertThat(failure("DateAdd(\"d\", 1, \"2001-01-01\")").code())
                .isEqualTo(EvaluationException.Code.TYPE_MISMATCH);
    }

    // ---- DateFromNum / NumFromDate -------------------------------------------------------------------

    /** FUNCREF DateFromNum: "{@code DateFromNum(129699324000000000)} Returns a DateTime representing 2012-01-01 23:00:00". */
    @Test
    void dateFromNumConvertsTheDocumentedExample() {
        assertThat(eval("DateFromNum(129699324000000000)")).isEqualTo(date("2012-01-01T23:00:00Z"));
    }

    /** FUNCREF NumFromDate: "{@code NumFromDate(CDate("2012-01-01 23:00:00"))} Returns 129699324000000000". */
    @Test
    void numFromDateConvertsTheDocumentedExample() {
        assertThat(eval("NumFromDate(CDate(\"2012-01-01 23:00:00\"))")).isEqualTo(Value.of(129699324000000000L));
    }

    @Test
    void dateFromNumCoversTheWholeRangeOfDotNetFromFileTimeUtc() {
        assertThat(eval("DateFromNum(0)")).isEqualTo(date("1601-01-01T00:00:00Z"));
        assertThat(eval("DateFromNum(1)")).isEqualTo(date("1601-01-01T00:00:00.0000001Z"));
        assertThat(eval("DateFromNum(2650467743999999999)")).isEqualTo(date("9999-12-31T23:59:59.9999999Z"));
    }

    /** AD writes 9223372036854775807 in accountExpires for "never"; .NET's FromFileTimeUtc throws for it. */
    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "2650467744000000000", "-1", "-9223372036854775807"})
    void dateFromNumOutsideTheRangeOfDotNetDatesIsAnInvalidArgument(String number) {
        EvaluationException e = failure("DateFromNum(" + number + ")");
        assertThat(e.code()).isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
        assertThat(e.problem()).startsWith("DateFromNum: ").contains(number);
    }

    @Test
    void dateFromNumReadsTextNumbersAndEachValueOfAMultiValuedAttribute() {
        MapEvaluationContext context = MapEvaluationContext.builder()
                .attribute("pwdLastSet", "129699324000000000")
                .multiValued("stamps", List.of(Value.of(0), Value.of(129699324000000000L)))
                .build();
        assertThat(eval("DateFromNum([pwdLastSet])", context)).isEqualTo(date("2012-01-01T23:00:00Z"));
        assertThat(eval("DateFromNum([stamps])", context))
                .isEqualTo(Value.multi(List.of(date("1601-01-01T00:00:00Z"), date("2012-01-01T23:00:00Z"))));
    }

    @Test
    void dateFromNumAndNumFromDateOfNullAreNull() {
        assertThat(eval("DateFromNum(NULL)")).isEqualTo(Value.NULL);
        assertThat(eval("NumFromDate([absent])")).isEqualTo(Value.NULL);
    }

    @Test
    void numFromDateRefusesDatesBefore1601AndText() {
        EvaluationException early = failure("NumFromDate(CDate(\"1600-12-31 23:59:59\"))");
        assertThat(early.code()).isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
        assertThat(early.problem()).startsWith("NumFromDate: ").contains("1600-12-31T23:59:59Z");
        assertThat(failure("NumFromDate(\"2012-01-01\")").code()).isEqualTo(EvaluationException.Code.TYPE_MISMATCH);
    }

    @Test
    void numFromDateInvertsDateFromNumForSeededRandomFileTimes() {
        long seed = 20240229L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            long fileTime = random.nextLong(0, DotNetDates.MAX_FILETIME + 1);
            assertThat(eval("NumFromDate(DateFromNum(" + fileTime + "))"))
                    .as("seed %d, FILETIME %d", seed, fileTime)
                    .isEqualTo(Value.of(fileTime));
        }
    }

    // ---- FormatDateTime ------------------------------------------------------------------------------

    /** FUNCREF FormatDateTime: "{@code FormatDateTime(CDate("12/25/2007"),"yyyy-MM-dd")} Results in "2007-12-25"." */
    @Test
    void formatDateTimeGivesTheFirstDocumentedResult() {
        assertThat(eval("FormatDateTime(CDate(\"12/25/2007\"),\"yyyy-MM-dd\")")).isEqualTo(Value.of("2007-12-25"));
    }

    /**
     * FUNCREF FormatDateTime: "{@code FormatDateTime(DateFromNum([pwdLastSet]),"yyyyMMddHHmmss.0Z")} Can result
     * in "20140905081453.0Z"". In .NET '0' and 'Z' are literals here. pwdLastSet 130543784930000000 is
     * 2014-09-05T08:14:53Z, computed with Python: (datetime(2014,9,5,8,14,53) - datetime(1601,1,1)) in 100 ns.
     */
    @Test
    void formatDateTimeGivesTheSecondDocumentedResultWithLiteralZeroAndZ() {
        MapEvaluationContext context = MapEvaluationContext.builder()
                .attribute("pwdLastSet", 130543784930000000L)
                .build();
        assertThat(eval("FormatDateTime(DateFromNum([pwdLastSet]),\"yyyyMMddHHmmss.0Z\")", context))
                .isEqualTo(Value.of("20140905081453.0Z"));
    }

    @Test
    void formatDateTimeOfNullIsNullAndOfTextIsATypeMismatch() {
        assertThat(eval("FormatDateTime([absent], \"yyyy\")")).isEqualTo(Value.NULL);
        assertThat(eval("FormatDateTime(Now(), NULL)")).isEqualTo(Value.NULL);
        assertThat(failure("FormatDateTime(\"2007-12-25\", \"yyyy\")").code())
                .isEqualTo(EvaluationException.Code.TYPE_MISMATCH);
    }

    @Test
    void formatDateTimeRefusesAnInvalidFormatNamingIt() {
        EvaluationException e = failure("FormatDateTime(Now(), \"ffffffff\")");
        assertThat(e.code()).isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
        assertThat(e.problem()).startsWith("FormatDateTime: ").contains("\"ffffffff\"");
    }

    @Test
    void formatDateTimeAppliesToEachValueOfAMultiValuedAttribute() {
        MapEvaluationContext context = MapEvaluationContext.builder()
                .multiValued("stamps", List.of(Value.of(0), Value.of(129699324000000000L)))
                .build();
        assertThat(eval("FormatDateTime(DateFromNum([stamps]), \"yyyy\")", context))
                .isEqualTo(Value.multi(List.of(Value.of("1601"), Value.of("2012"))));
    }

    // ---- Now ----------------------------------------------------------------------------------------

    /** FUNCREF Now: "returns a DateTime specifying the current date and time"; the context's clock is read. */
    @Test
    void nowReadsTheContextClockAtTheResolutionOfDotNetTicks() {
        Clock fixed = Clock.fixed(Instant.parse("2024-05-06T07:08:09.123456789Z"), ZoneOffset.UTC);
        MapEvaluationContext context =
                MapEvaluationContext.builder().clock(fixed).build();
        assertThat(eval("Now()", context)).isEqualTo(date("2024-05-06T07:08:09.1234567Z"));
        assertThat(eval("FormatDateTime(Now(), \"o\")", context)).isEqualTo(Value.of("2024-05-06T07:08:09.1234567Z"));
    }

    @Test
    void nowTakesNoArguments() {
        assertThatThrownBy(() -> Expression.compile("Now(1)"))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("Now takes 0 arguments");
    }

    @Test
    void aDateUsedAsTextIsDotNetsGeneralFormat() {
        assertThat(eval("\"\" & CDate(\"2013-01-10 4:00 PM -8\")")).isEqualTo(Value.of("01/11/2013 00:00:00"));
    }
}
