package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.FunctionTestSupport.ctx;
import static dev.joinery.expr.eval.FunctionTestSupport.eval;
import static dev.joinery.expr.eval.FunctionTestSupport.evalError;
import static dev.joinery.expr.eval.FunctionTestSupport.str;
import static dev.joinery.expr.eval.FunctionTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DNComponent, DNComponentRev and EscapeDNComponent: escaped and quoted values, out-of-range numbers. */
class DirectoryFunctionsTest {

    private static final String JOE = "cn=Joe,ou=Atlanta,ou=GA,ou=US, dc=contoso,dc=com";

    private static MapEvaluationContext.Builder dn(String dn) {
        return ctx().attribute("dn", Value.ref(dn));
    }

    @Nested
    class DNComponent {
        /** "The DNComponent function returns the value of a specified DN component going from left." */
        @ParameterizedTest(name = "component {1} of {0} is {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "cn=Joe,ou=Atlanta,dc=contoso,dc=com   | 1 | Joe",
                    "cn=Joe,ou=Atlanta,dc=contoso,dc=com   | 2 | Atlanta",
                    "cn=Joe,ou=Atlanta,dc=contoso,dc=com   | 4 | com",
                    "CN=Joe, OU=Atlanta                    | 2 | Atlanta",
                    "cn=Doe\\, John,ou=Sales,dc=x          | 1 | 'Doe\\, John'",
                    "cn=Doe\\, John,ou=Sales,dc=x          | 2 | Sales",
                    "cn=\"Doe, John\",ou=Sales,dc=x        | 1 | '\"Doe, John\"'",
                    "cn=\"Doe, John\",ou=Sales,dc=x        | 2 | Sales",
                    "cn=a\\=b,dc=x                         | 1 | a\\=b",
                    "cn=Joe,ou=Atlanta                     | \"2\" | Atlanta",
                })
        void returnsTheValueAsWrittenCountingFromTheLeft(String dn, String number, String expected) {
            assertThat(eval("DNComponent(CRef([dn])," + number + ")", dn(dn))).isEqualTo(str(expected));
        }

        /** The shipped cloudFiltered flow finds AD's conflict marker: {@code InStr(DNComponent(CRef([dn]),1),"\\0ACNF:")}. */
        @Test
        void keepsEscapesSoTheShippedConflictTestWorks() {
            String flow = "IIF(InStr(DNComponent(CRef([dn]),1),\"\\\\0ACNF:\")>0,True,NULL)";

            assertThat(eval(flow, dn("CN=Joe\\0ACNF:4f1c5a9e-1b0a-4c2e-9d52-0123456789ab,OU=Users,DC=contoso,DC=com")))
                    .isEqualTo(Value.TRUE);
            assertThat(eval(flow, dn("CN=Joe,OU=Users,DC=contoso,DC=com"))).isEqualTo(Value.NULL);
        }

        @ParameterizedTest(name = "component {0}")
        @ValueSource(strings = {"0", "-1", "5", "9223372036854775807"})
        void outOfRangeIsNull(String number) {
            assertThat(eval("DNComponent(CRef([dn])," + number + ")", dn("cn=Joe,ou=Atlanta,dc=contoso,dc=com")))
                    .isEqualTo(Value.NULL);
        }

        @Test
        void acceptsTextWhereAReferenceIsExpected() {
            assertThat(eval("DNComponent(\"cn=Joe,dc=x\", 1)")).isEqualTo(str("Joe"));
        }

        @Test
        void ofNullIsNull() {
            assertThat(eval("DNComponent(CRef([absent]), 1)")).isEqualTo(Value.NULL);
            assertThat(eval("DNComponent([absent], 1)")).isEqualTo(Value.NULL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"DNComponent(12, 1)", "DNComponent(\"cn=x\", \"first\")", "DNComponent(True, 1)"})
        void refusesWrongTypes(String expression) {
            EvaluationException e = evalError(expression);

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("DNComponent");
        }

        /** Applied per value of a multi-valued reference; a member without that component drops out. */
        @Test
        void appliesToEveryValueDroppingNullResults() {
            MapEvaluationContext.Builder context = ctx().multiValued(
                            "member",
                            List.of(
                                    Value.ref("cn=Ann,ou=Sales,dc=x"),
                                    Value.ref("cn=Bob,dc=x"),
                                    Value.ref("cn=Cy,ou=HR,dc=x")));

            assertThat(texts(eval("DNComponent([member], 1)", context))).containsExactly("Ann", "Bob", "Cy");
            assertThat(texts(eval("DNComponent([member], 3)", context))).containsExactly("x", "x");
        }
    }

    @Nested
    class DNComponentRev {
        /**
         * "If dn is "cn=Joe,ou=Atlanta,ou=GA,ou=US, dc=contoso,dc=com" then DNComponentRev(CRef([dn]),3)
         * DNComponentRev(CRef([dn]),1,"DC") Both return US." Options: "DC – Ignore all components with "dc=""
         */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "DNComponentRev(CRef([dn]),3)         | US",
                    "DNComponentRev(CRef([dn]),1,\"DC\")  | US",
                    "DNComponentRev(CRef([dn]),1,DC)      | US",
                    "DNComponentRev(CRef([dn]),1,\"dc\")  | US",
                    "DNComponentRev(CRef([dn]),1)         | com",
                    "DNComponentRev(CRef([dn]),6)         | Joe",
                    "DNComponentRev(CRef([dn]),4,\"DC\")  | Joe",
                    "DNComponentRev([dn],2)               | contoso",
                })
        void countsFromTheRight(String expression, String expected) {
            assertThat(eval(expression, dn(JOE))).isEqualTo(str(expected));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(
                strings = {
                    "DNComponentRev(CRef([dn]),0)",
                    "DNComponentRev(CRef([dn]),-1)",
                    "DNComponentRev(CRef([dn]),7)",
                    "DNComponentRev(CRef([dn]),5,\"DC\")",
                    "DNComponentRev(CRef([absent]),1)",
                })
        void outOfRangeOrNullIsNull(String expression) {
            assertThat(eval(expression, dn(JOE))).isEqualTo(Value.NULL);
        }

        @Test
        void skipsEscapedAndQuotedCommas() {
            assertThat(eval("DNComponentRev([dn],3)", dn("cn=x,ou=\"Sales, East\",ou=Doe\\, Inc,dc=x")))
                    .isEqualTo(str("\"Sales, East\""));
        }
    }

    @Nested
    class EscapeDNComponent {
        /**
         * "The EscapeDNComponent function takes one component of a DN and escapes it so it can be represented in
         * LDAP": the value after the first '=' is escaped as RFC 4514 asks.
         */
        @ParameterizedTest(name = "[{0}] escapes to [{1}]")
        @CsvSource(
                delimiter = '|',
                value = {
                    "cn=Doe, John     | 'cn=Doe\\, John'",
                    "cn=a+b           | cn=a\\+b",
                    "cn=\"q\"         | cn=\\\"q\\\"",
                    "cn=a\\b          | cn=a\\\\b",
                    "cn=<x>;y         | cn=\\<x\\>\\;y",
                    "cn=#1            | cn=\\#1",
                    "cn=a#1           | cn=a#1",
                    "'cn= lead'       | 'cn=\\ lead'",
                    "'cn=trail '      | 'cn=trail\\ '",
                    "'cn=in side'     | 'cn=in side'",
                    "cn=a=b           | cn=a\\=b",
                    "Doe, John        | 'Doe\\, John'",
                    "cn=              | cn=",
                    "cn=Jöhn Doé      | cn=Jöhn Doé",
                })
        void escapesTheValueOfTheComponent(String component, String expected) {
            assertThat(eval("EscapeDNComponent([c])", ctx().attribute("c", component)))
                    .isEqualTo(str(expected));
        }

        /** "EscapeDNComponent("cn=" & [displayName]) & "," & %ForestLDAP%" (parameter read as %Forest.LDAP%). */
        @Test
        void buildsADnThatDNComponentReadsBack() {
            MapEvaluationContext.Builder context =
                    ctx().attribute("displayName", "Doe, John").parameter("Forest.LDAP", "DC=fabrikam,DC=com");
            String dnFlow = "EscapeDNComponent(\"cn=\" & [displayName]) & \",\" & %Forest.LDAP%";

            assertThat(eval(dnFlow, context)).isEqualTo(str("cn=Doe\\, John,DC=fabrikam,DC=com"));
            assertThat(eval("DNComponentRev(CRef(" + dnFlow + "), 3)", context)).isEqualTo(str("Doe\\, John"));
        }

        @Test
        void ofNullIsNull() {
            assertThat(eval("EscapeDNComponent([absent])")).isEqualTo(Value.NULL);
        }
    }
}
