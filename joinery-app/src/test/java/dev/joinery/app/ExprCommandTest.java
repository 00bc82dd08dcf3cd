package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code joinery expr} run in-process: output per value type, multi-valued and binary input, exit codes. */
class ExprCommandTest {
    /** An AD objectGUID (897485c7-81a7-42eb-97c6-37ed73077b1f in .NET byte order) as base64. */
    private static final String GUID_B64 = "x4V0iaeB60KXxjftcwd7Hw==";

    private static CliRun expr(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "expr";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(all);
    }

    @Test
    void printsASingleValue() {
        CliRun run = expr("Left(\"John Doe\", 3)");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("Joh\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void readsASingleValuedAttribute() {
        CliRun run = expr("[displayName]", "--attr", "displayName=John Doe");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("John Doe\n");
    }

    @Test
    void keepsEverythingAfterTheFirstEqualsSignAsTheValue() {
        CliRun run = expr("[dn]", "--attr", "dn=CN=John Doe,DC=contoso,DC=com");

        assertThat(run.out()).isEqualTo("CN=John Doe,DC=contoso,DC=com\n");
    }

    @Test
    void repeatedAttrMakesAMultiValuedAttributeThatFunctionsApplyToPerValue() {
        CliRun run = expr(
                "Trim([proxyAddresses])",
                "--attr",
                "proxyAddresses=  SMTP:john@contoso.com ",
                "--attr",
                "proxyAddresses=smtp:jdoe@contoso.com  ");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("SMTP:john@contoso.com\nsmtp:jdoe@contoso.com\n");
    }

    @Test
    void multiValuedResultPrintsOneValuePerLine() {
        CliRun run = expr("[otherMailbox]", "--attr", "otherMailbox=a@x", "--attr", "otherMailbox=b@x");

        assertThat(run.out()).isEqualTo("a@x\nb@x\n");
    }

    @Test
    void multiOptionMakesASingleValueMultiValued() {
        CliRun run =
                expr("[proxyAddresses]", "--attr", "proxyAddresses=SMTP:a@x", "--multi", "proxyAddresses", "--json");

        assertThat(run.out()).isEqualTo("[\"SMTP:a@x\"]\n");
    }

    @Test
    void binaryAttributeIsGivenAndPrintedInBase64() {
        CliRun run = expr("[objectGUID]", "--attr-b64", "objectGUID=" + GUID_B64);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(GUID_B64 + "\n");
    }

    @Test
    void convertToBase64OfABinaryAttributeGivesTheSourceAnchor() {
        CliRun run = expr("ConvertToBase64([objectGUID])", "--attr-b64", "objectGUID=" + GUID_B64);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(GUID_B64 + "\n");
    }

    @Test
    void parameterIsReadWithPercentSigns() {
        CliRun run = expr(
                "[sAMAccountName] & \"@\" & %Domain.FQDN%",
                "--attr", "sAMAccountName=jdoe", "--param", "Domain.FQDN=contoso.com");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("jdoe@contoso.com\n");
    }

    @Test
    void nullPrintsNothing() {
        CliRun run = expr("[missing]");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void flowMarkersPrintTheirNames() {
        assertThat(expr("AuthoritativeNull").out()).isEqualTo("AuthoritativeNull\n");
        assertThat(expr("IgnoreThisFlow").out()).isEqualTo("IgnoreThisFlow\n");
    }

    static Stream<Arguments> jsonShapes() {
        return Stream.of(
                Arguments.of(new String[] {"\"abc\""}, "\"abc\""),
                Arguments.of(new String[] {"[employeeID]", "--attr", "employeeID=00123"}, "\"00123\""),
                Arguments.of(new String[] {"40 + 2"}, "42"),
                Arguments.of(new String[] {"1 = 1"}, "true"),
                Arguments.of(new String[] {"IsPresent([mail])"}, "false"),
                Arguments.of(new String[] {"NULL"}, "null"),
                Arguments.of(new String[] {"AuthoritativeNull"}, "null"),
                Arguments.of(new String[] {"IgnoreThisFlow"}, "null"),
                Arguments.of(
                        new String[] {"[objectGUID]", "--attr-b64", "objectGUID=" + GUID_B64}, "\"" + GUID_B64 + "\""),
                Arguments.of(new String[] {"DateFromNum(129699324000000000)"}, "\"2012-01-01T23:00:00Z\""),
                Arguments.of(new String[] {"CRef(\"CN=Joe,DC=contoso,DC=com\")"}, "\"CN=Joe,DC=contoso,DC=com\""),
                Arguments.of(new String[] {"[a]", "--attr", "a=x", "--attr", "a=y \"q\""}, "[\"x\",\"y \\\"q\\\"\"]"));
    }

    @ParameterizedTest
    @MethodSource("jsonShapes")
    void jsonPrintsExactlyOneValueOfTheMatchingType(String[] args, String expectedJson) throws Exception {
        String[] withJson = Stream.concat(Stream.of(args), Stream.of("--json")).toArray(String[]::new);

        CliRun run = expr(withJson);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(expectedJson + "\n");
        assertThat(new ObjectMapper().readTree(run.out())).isNotNull();
    }

    @Test
    void syntaxErrorPrintsLineColumnAndCaretAndExitsTwo() {
        CliRun run = expr("IIF(IsPresent([mail]),\n    [mail] & ,\n    NULL)");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.EXPRESSION_ERROR).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("syntax error: line 2, column ");
        assertThat(run.err()).contains("    [mail] & ,\n", "^");
    }

    @Test
    void unknownFunctionIsASyntaxError() {
        CliRun run = expr("Lefft([sn], 1)");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.EXPRESSION_ERROR);
        assertThat(run.err()).contains("line 1, column 1", "Lefft", "^");
    }

    @Test
    void errorFunctionIsAnEvaluationErrorWithPositionAndExitsTwo() {
        CliRun run = expr("IIF(IsPresent([sn]), [sn], Error(\"boom\"))");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.EXPRESSION_ERROR).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("evaluation error: ERROR_FUNCTION_TRIGGERED at line 1, column ");
        assertThat(run.err()).contains("boom", "IIF(IsPresent([sn]), [sn], Error(\"boom\"))\n", "^");
    }

    @Test
    void undefinedParameterIsAnEvaluationError() {
        CliRun run = expr("%Domain.FQDN%");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.EXPRESSION_ERROR);
        assertThat(run.err()).contains("UNKNOWN_PARAMETER", "Domain.FQDN", "^");
    }

    @Test
    void attrWithoutEqualsSignIsAUsageError() {
        CliRun run = expr("[sn]", "--attr", "sn");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--attr", "NAME=VALUE", "'sn' has no '='", "joinery expr --help");
    }

    @Test
    void invalidBase64IsAUsageError() {
        CliRun run = expr("[objectGUID]", "--attr-b64", "objectGUID=not base64!");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--attr-b64", "not base64");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = expr("[sn]", "--atr", "sn=Doe");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--atr");
    }

    @Test
    void missingExpressionIsAUsageError() {
        CliRun run = expr();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("<expression>");
    }

    @Test
    void sameAttributeAsTextAndBinaryIsAUsageError() {
        CliRun run = expr("[x]", "--attr", "x=a", "--attr-b64", "x=" + GUID_B64);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'x'", "--attr-b64");
    }

    @Test
    void repeatedParameterIsAUsageError() {
        CliRun run = expr("%P%", "--param", "P=a", "--param", "P=b");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("parameter 'P'");
    }
}
