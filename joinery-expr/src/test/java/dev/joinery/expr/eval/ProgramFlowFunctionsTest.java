package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.FunctionTestSupport.ctx;
import static dev.joinery.expr.eval.FunctionTestSupport.eval;
import static dev.joinery.expr.eval.FunctionTestSupport.evalError;
import static dev.joinery.expr.eval.FunctionTestSupport.str;
import static dev.joinery.expr.eval.FunctionTestSupport.strs;
import static dev.joinery.expr.eval.FunctionTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Error, IIF, Switch, Select, Where, With, ImportedValue, and parameters. */
class ProgramFlowFunctionsTest {

    @Nested
    class ErrorFunction {
        /** "The Error function is used to return a custom error"; Connect reports sync-rule-error-function-triggered. */
        @Test
        void failsTheObjectWithTheMessage() {
            EvaluationException e = evalError("Error(\"AccountName is required\")");

            assertThat(e.code()).isEqualTo(Code.ERROR_FUNCTION_TRIGGERED);
            assertThat(e.problem()).isEqualTo("AccountName is required");
            assertThat(e.getMessage()).contains("AccountName is required");
        }

        @Test
        void takesAComputedMessage() {
            EvaluationException e =
                    evalError("Error(\"no UPN for \" & [cn] & \" (\" & 42 & \")\")", ctx().attribute("cn", "jdoe"));

            assertThat(e.problem()).isEqualTo("no UPN for jdoe (42)");
        }

        @Test
        void ofNullHasAnEmptyMessage() {
            EvaluationException e = evalError("Error([absent])");

            assertThat(e.code()).isEqualTo(Code.ERROR_FUNCTION_TRIGGERED);
            assertThat(e.problem()).isEmpty();
        }

        /**
         * "IIF(IsPresent([accountName]),[accountName],Error("AccountName is required")) If the attribute
         * accountName is not present, throw an error on the object."
         */
        @Test
        void failsOnlyWhenTheReferenceExampleReachesIt() {
            String flow = "IIF(IsPresent([accountName]),[accountName],Error(\"AccountName is required\"))";

            assertThat(eval(flow, ctx().attribute("accountName", "jdoe"))).isEqualTo(str("jdoe"));
            assertThat(evalError(flow).problem()).isEqualTo("AccountName is required");
        }
    }

    @Nested
    class Iif {
        /** "condition: any value or expression that can be evaluated to true or false"; only that branch is evaluated. */
        @ParameterizedTest(name = "{0} is \"{1}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "IIF(True, \"x\", Error(\"no\"))               | x",
                    "IIF(False, Error(\"no\"), \"y\")              | y",
                    "IIF(True, 1 & \"\", 1/0)                      | 1",
                    "IIF(False, %Undefined.Parameter%, \"y\")      | y",
                    "IIF(NULL, \"x\", \"y\")                       | y",
                    "IIF([absent], \"x\", \"y\")                   | y",
                    "IIF([absent] = \"x\", \"x\", \"y\")           | y",
                    "IIF([absent] <> \"x\", \"x\", \"y\")          | y",
                    "IIF(\"True\", \"x\", \"y\")                   | x",
                    "IIF(\"false\", \"x\", \"y\")                  | y",
                    "IIF(1, \"x\", \"y\")                          | x",
                    "IIF(0, \"x\", \"y\")                          | y",
                    "IIF(\"512\", \"x\", \"y\")                    | x",
                })
        void evaluatesOnlyTheChosenBranch(String expression, String expected) {
            assertThat(eval(expression)).isEqualTo(str(expected));
        }

        /** "IIF([employeeType]="Intern","t-" & [alias],[alias])". */
        @ParameterizedTest(name = "employeeType {0}")
        @CsvSource({"Intern, t-jdoe", "Employee, jdoe", "intern, jdoe"})
        void prefixesInternsAsInTheReferenceExample(String employeeType, String expected) {
            MapEvaluationContext.Builder context =
                    ctx().attribute("employeeType", employeeType).attribute("alias", "jdoe");

            assertThat(eval("IIF([employeeType]=\"Intern\",\"t-\" & [alias],[alias])", context))
                    .isEqualTo(str(expected));
        }

        /** "IIF([cloudSOAExchMailbox] = True,[cloudMSExchSafeSendersHash],IgnoreThisFlow)" (Out to AD - User Exchange hybrid). */
        @Test
        void returnsTheFlowMarkersAsTheyAre() {
            String flow = "IIF([cloudSOAExchMailbox] = True,[cloudMSExchSafeSendersHash],IgnoreThisFlow)";

            assertThat(eval(flow)).isEqualTo(Value.IGNORE_THIS_FLOW);
            assertThat(eval(flow, ctx().attribute("cloudSOAExchMailbox", Value.FALSE)))
                    .isEqualTo(Value.IGNORE_THIS_FLOW);
            assertThat(eval(
                            flow,
                            ctx().attribute("cloudSOAExchMailbox", Value.TRUE)
                                    .attribute("cloudMSExchSafeSendersHash", "hash")))
                    .isEqualTo(str("hash"));
            assertThat(eval("IIF(True, AuthoritativeNull, 1)")).isEqualTo(Value.AUTHORITATIVE_NULL);
            assertThat(eval("IIF(True, NULL, 1)")).isEqualTo(Value.NULL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"IIF(\"yes\", 1, 2)", "IIF(Split(\"True,False\", \",\"), 1, 2)", "IIF([bin], 1, 2)"})
        void refusesAConditionThatIsNotOneBoolean(String expression) {
            EvaluationException e = evalError(expression, ctx().attribute("bin", Value.ofBytes(new byte[] {1})));

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("IIF", "argument 1");
        }
    }

    @Nested
    class Switch {
        private static final String CITIES = "Switch([city] = \"London\", \"English\", [city] = \"Rome\", \"Italian\","
                + " [city] = \"Paris\", \"French\", True, Error(\"Unknown city\"))";

        /**
         * "The expressions are evaluated from left to right, and the value associated with the first expression to
         * evaluate to True is returned." "Value can also be the Error function, which would return a custom
         * string."
         */
        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"London, English", "Rome, Italian", "Paris, French"})
        void returnsTheValueOfTheFirstTrueExpression(String city, String language) {
            assertThat(eval(CITIES, ctx().attribute("city", city))).isEqualTo(str(language));
        }

        @Test
        void reachesTheErrorOfTheReferenceExampleOnlyForAnUnknownCity() {
            EvaluationException e = evalError(CITIES, ctx().attribute("city", "Berlin"));

            assertThat(e.code()).isEqualTo(Code.ERROR_FUNCTION_TRIGGERED);
            assertThat(e.problem()).isEqualTo("Unknown city");
            assertThat(evalError(CITIES).problem()).isEqualTo("Unknown city");
        }

        /** "Switch returns a Nothing if: None of the expressions are True. The first True expression has a corresponding value that is Null." */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Switch(False, 1, [absent] = \"x\", 2)",
                    "Switch(NULL, 1)",
                    "Switch(True, NULL, True, \"second\")",
                    "Switch(True, [absent], True, \"second\")",
                })
        void returnsNothing(String expression) {
            assertThat(eval(expression)).isEqualTo(Value.NULL);
        }

        @Test
        void evaluatesOnlyTheValueItReturns() {
            assertThat(eval("Switch(False, Error(\"a\"), True, \"b\", True, Error(\"c\"))"))
                    .isEqualTo(str("b"));
        }

        /**
         * "Switch(IsPresent([directManager]),[directManager], IsPresent([skiplevelManager]),[skiplevelManager],
         * IsPresent([director]),[director])".
         */
        @Test
        void picksTheFirstPresentManagerAsInTheReferenceExample() {
            String flow = "Switch(IsPresent([directManager]),[directManager], IsPresent([skiplevelManager]),"
                    + "[skiplevelManager], IsPresent([director]),[director])";
            MapEvaluationContext.Builder context = ctx().attribute("skiplevelManager", Value.ref("cn=Skip"))
                    .attribute("director", Value.ref("cn=Dir"));

            assertThat(eval(flow, context)).isEqualTo(Value.ref("cn=Skip"));
            assertThat(eval(flow)).isEqualTo(Value.NULL);
        }

        @Test
        void refusesAConditionThatIsNoBoolean() {
            EvaluationException e = evalError("Switch(\"London\", 1)");

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("Switch");
        }
    }

    @Nested
    class SelectWhereWith {
        private MapEvaluationContext.Builder phones() {
            return ctx().attribute("otherPhone", strs("+1-425-555-0100", "+1-425-555-0101", "n/a"))
                    .attribute("proxyAddresses", strs("SMTP:a@x", "smtp:b@x", "SIP:a@x"));
        }

        /** "Select($item,[otherPhone],Replace($item,"-","")) Return all the values ... after hyphens (-) have been removed." */
        @Test
        void selectMapsEveryValueAsInTheReferenceExample() {
            assertThat(texts(eval("Select($item,[otherPhone],Replace($item,\"-\",\"\"))", phones())))
                    .containsExactly("+14255550100", "+14255550101", "n/a");
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Select($i, [otherPhone], IIF(InStr($i, \"-\") > 0, NULL, $i))        | n/a",
                    "Select($i, [proxyAddresses], Split($i, \":\"))                        | SMTP;a@x;smtp;b@x;SIP;a@x",
                    "Select($i, Split(\"1,2,3\", \",\"), $i * 10)                          | 10;20;30",
                    "Where($i, [proxyAddresses], InStr($i, \"smtp:\", 1, vbTextCompare) = 1) | SMTP:a@x;smtp:b@x",
                    "Where($i, [proxyAddresses], Left($i, 5) = \"SMTP:\")                   | SMTP:a@x",
                    "Where($i, [otherPhone], [absent] = $i)                                | ''",
                    "Where($i, Split(\"3,12,7\", \",\"), $i > 5)                            | 12;7",
                    "Count(Where($i, [proxyAddresses], True))                              | 3",
                    "With($v, [proxyAddresses], Count($v))                                 | 3",
                    "With($v, [proxyAddresses], Trim(LCase($v)))                           | smtp:a@x;smtp:b@x;sip:a@x",
                    "With($n, Count([otherPhone]), $n * $n)                                | 9",
                })
        void mapFilterAndBind(String expression, String expectedJoinedBySemicolons) {
            Value v = eval(expression, phones());
            String actual = v instanceof Value.Multi ? String.join(";", texts(v)) : v.toString();

            assertThat(actual).isEqualTo(expectedJoinedBySemicolons);
        }

        /**
         * "With($unExpiredCerts,Where($item,[userCertificate],CertNotAfter($item)&gt;Now()),IIF(Count($unExpiredCerts)&gt;0,
         * $unExpiredCerts,NULL))", here with addresses instead of certificates.
         */
        @Test
        void withNamesAFilteredListAsInTheReferenceExample() {
            String flow = "With($smtp,Where($item,[proxyAddresses],InStr($item,\"smtp:\",1,vbTextCompare)=1),"
                    + "IIF(Count($smtp)>0,$smtp,NULL))";

            assertThat(texts(eval(flow, phones()))).containsExactly("SMTP:a@x", "smtp:b@x");
            assertThat(eval(flow, ctx().attribute("proxyAddresses", strs("SIP:a@x"))))
                    .isEqualTo(Value.NULL);
        }

        @Test
        void overAnAbsentAttributeGiveNoValues() {
            assertThat(eval("Select($i, [absent], $i)").isNull()).isTrue();
            assertThat(eval("Where($i, [absent], True)").isNull()).isTrue();
            assertThat(eval("With($v, [absent], IsNull($v))")).isEqualTo(Value.TRUE);
        }

        @Test
        void overASingleValueGiveAListOfOne() {
            assertThat(texts(eval("Select($i, [cn], UCase($i))", ctx().attribute("cn", "jdoe"))))
                    .containsExactly("JDOE");
        }

        @Test
        void nestEachOverItsOwnVariable() {
            assertThat(texts(eval("Select($a, Split(\"1,2\", \",\"), Select($b, Split(\"x,y\", \",\"), $a & $b))")))
                    .containsExactly("1x", "1y", "2x", "2y");
            assertThat(
                            texts(
                                    eval(
                                            "Where($a, Split(\"ab,cd,ef\", \",\"), Count(Where($b, Split(\"b,f\", \",\"), InStr($a, $b) > 0)) > 0)")))
                    .containsExactly("ab", "ef");
        }

        /** An inner With, Select or Where of the same name hides the outer variable in its body, and only there. */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "With($v, 1, With($v, 2, $v))                                    | 2",
                    "With($v, 1, With($v, 2, $v) & $v)                               | 21",
                    "With($v, \"out\", Select($v, Split(\"a,b\", \",\"), UCase($v)) & $v) | Aout;Bout",
                    "Select($item, Split(\"a,b\", \",\"), Select($item, Split(\"1,2\", \",\"), $item)) | 1;2;1;2",
                })
        void shadowInTheBody(String expression, String expectedJoinedBySemicolons) {
            Value v = eval(expression);
            String actual = v instanceof Value.Multi ? String.join(";", texts(v)) : v.toString();

            assertThat(actual).isEqualTo(expectedJoinedBySemicolons);
        }

        /**
         * The list or sub-expression an inner With, Select or Where binds is computed before its variable exists,
         * so a name it reuses still means the outer variable there. (Select: "item: Represents an element in the
         * multi-valued attribute"; With: "variable: Represents the subexpression".)
         */
        // BUG: the argument that a function binds its variable from sees the inner, still unbound variable
        // (Java null slot, read as NULL) instead of the outer one of the same name. With($v, 1, With($v, $v + 1,
        // $v)) is NULL instead of 2, and the common authoring pattern Select($item, [x], Where($item,
        // Split($item, ";"), ...)) sees no values. Compiler.call pushes the new scope and binds the VARIABLE
        // argument before compiling the arguments after it, so the binding expression resolves to the new slot.
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "With($v, 1, With($v, $v + 1, $v))                                                  | 2",
                    "Select($item, Split(\"a;b,c\", \",\"), Select($item, Split($item, \";\"), UCase($item))) | A;B;C",
                    "Where($x, Split(\"ab,cd\", \",\"), Count(Where($x, Split($x, \"b\"), $x = \"a\")) > 0)  | ab",
                })
        void aBindingExpressionSeesTheOuterVariableOfTheSameName(String expression, String expectedJoinedBySemicolons) {
            Value v = eval(expression);
            String actual = v instanceof Value.Multi ? String.join(";", texts(v)) : v.toString();

            assertThat(actual).isEqualTo(expectedJoinedBySemicolons);
        }

        @Test
        void whereRefusesAConditionThatIsNoBoolean() {
            EvaluationException e = evalError("Where($i, Split(\"a,b\", \",\"), $i)");

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("Where");
        }
    }

    @Nested
    class ImportedValue {
        /** "ImportedValue returns only values exported and confirmed during import from the connected directory." */
        @Test
        void readsTheConfirmedValuesNotThePendingOnes() {
            MapEvaluationContext.Builder context = ctx().attribute("proxyAddresses", strs("SMTP:pending@x", "smtp:a@x"))
                    .importedValue("proxyAddresses", strs("smtp:a@x"))
                    .attribute("sourceAnchor", "pending")
                    .importedValue("sourceAnchor", str("x4V0iaeB60KXxjftcwd7Hw=="));

            assertThat(texts(eval("ImportedValue(\"proxyAddresses\")", context)))
                    .containsExactly("smtp:a@x");
            assertThat(eval("ImportedValue(\"sourceAnchor\")", context)).isEqualTo(str("x4V0iaeB60KXxjftcwd7Hw=="));
            assertThat(texts(eval("Trim(ImportedValue(\"proxyAddresses\"))", context)))
                    .containsExactly("smtp:a@x");
        }

        @Test
        void ofAnAttributeNeverImportedIsNull() {
            assertThat(eval("ImportedValue(\"userCertificate\")")).isEqualTo(Value.NULL);
            assertThat(eval("IsPresent(ImportedValue(\"userCertificate\"))")).isEqualTo(Value.FALSE);
        }

        @Test
        void refusesANullName() {
            EvaluationException e = evalError("ImportedValue([absent])");

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("ImportedValue");
        }
    }

    @Nested
    class Parameters {
        private static final String UPN_FLOW = "IIF(IsPresent([userPrincipalName]),[userPrincipalName],"
                + " IIF(IsPresent([sAMAccountName]),([sAMAccountName]&\"@\"&%Domain.FQDN%),"
                + "Error(\"AccountName is not present\")))";

        /** "Domain.FQDN: FQDN format of the domain currently being imported, for example sales.fabrikam.com". */
        @Test
        void aDefinedParameterIsItsValue() {
            MapEvaluationContext.Builder context =
                    ctx().attribute("sAMAccountName", "jdoe").parameter("Domain.FQDN", "contoso.com");

            assertThat(eval(UPN_FLOW, context)).isEqualTo(str("jdoe@contoso.com"));
            assertThat(eval("%Domain.Netbios%", ctx().parameter("Domain.Netbios", "FABRIKAMSALES")))
                    .isEqualTo(str("FABRIKAMSALES"));
        }

        @Test
        void anUndefinedParameterFailsOnlyWhenItIsEvaluated() {
            EvaluationException e = evalError(UPN_FLOW, ctx().attribute("sAMAccountName", "jdoe"));

            assertThat(e.code()).isEqualTo(Code.UNKNOWN_PARAMETER);
            assertThat(e.getMessage()).contains("%Domain.FQDN%");
            assertThat(eval(UPN_FLOW, ctx().attribute("userPrincipalName", "jd@contoso.com")))
                    .isEqualTo(str("jd@contoso.com"));
        }

        @Test
        void parameterNamesAreCaseSensitive() {
            EvaluationException e = evalError("%domain.fqdn%", ctx().parameter("Domain.FQDN", "contoso.com"));

            assertThat(e.code()).isEqualTo(Code.UNKNOWN_PARAMETER);
        }
    }
}
