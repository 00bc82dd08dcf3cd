package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.FunctionTestSupport.ctx;
import static dev.joinery.expr.eval.FunctionTestSupport.eval;
import static dev.joinery.expr.eval.FunctionTestSupport.evalError;
import static dev.joinery.expr.eval.FunctionTestSupport.strs;
import static dev.joinery.expr.eval.FunctionTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Multi-valued attributes and regions (Compiler.java): the whole expression and every argument a function takes
 * whole is a region; an attribute used as one value inside a region makes the region run once per value, with
 * NULL results dropped.
 *
 * <p>EXPR: "The functions can operate on both single-valued and multi-valued attributes. For multi-valued
 * attributes, the function operates over every value and applies the same function to every value."
 */
class MultiValuedSemanticsTest {

    private static MapEvaluationContext.Builder proxies(String... values) {
        return ctx().attribute("proxyAddresses", strs(values)).attribute("mail", "jd@contoso.com");
    }

    private static MapEvaluationContext.Builder mailbox() {
        return proxies(" SMTP:jd@fabrikam.com", "SIP:jd@fabrikam.com ", "smtp:john@fabrikam.com");
    }

    private static String shown(Value v) {
        return v instanceof Value.Multi ? String.join(";", texts(v)) : v.toString();
    }

    @Nested
    class DocumentedExamples {
        /** "IIF(InStr([proxyAddresses],"SIP:")=1,NULL,[proxyAddresses]) Look for the SIP-address and remove it from the values." */
        @Test
        void iifWithNullRemovesTheSipAddress() {
            MapEvaluationContext.Builder context =
                    proxies("SMTP:jd@fabrikam.com", "SIP:jd@fabrikam.com", "smtp:john@fabrikam.com");

            assertThat(texts(eval("IIF(InStr([proxyAddresses],\"SIP:\")=1,NULL,[proxyAddresses])", context)))
                    .containsExactly("SMTP:jd@fabrikam.com", "smtp:john@fabrikam.com");
        }

        @Test
        void removingEveryValueLeavesNoValues() {
            Value v = eval("IIF(InStr([proxyAddresses],\"SIP:\")=1,NULL,[proxyAddresses])", proxies("SIP:a", "SIP:b"));

            assertThat(v.isNull()).isTrue();
            assertThat(v).isEqualTo(Value.Multi.EMPTY);
        }

        /** "Trim([proxyAddresses]) Do a Trim of every value in the proxyAddress attribute." */
        @Test
        void trimTrimsEveryValue() {
            assertThat(texts(eval("Trim([proxyAddresses])", mailbox())))
                    .containsExactly("SMTP:jd@fabrikam.com", "SIP:jd@fabrikam.com", "smtp:john@fabrikam.com");
        }

        /** "Word([proxyAddresses],1,"@") & "@contoso.com" For every value with an @-sign, replace the domain with @contoso.com." */
        @Test
        void wordAndConcatenationReplaceTheDomainOfEveryValue() {
            assertThat(texts(eval(
                            "Word([proxyAddresses],1,\"@\") & \"@contoso.com\"",
                            proxies("SMTP:jd@fabrikam.com", "smtp:john@fabrikam.com"))))
                    .containsExactly("SMTP:jd@contoso.com", "smtp:john@contoso.com");
        }
    }

    @Nested
    class WholeArguments {
        /** A function that takes an attribute whole sees all its values, even when an outer region is iterating. */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Count(Trim([proxyAddresses]))                                      | 3",
                    "Count(IIF(InStr([proxyAddresses],\"SMTP:\")=1,NULL,[proxyAddresses])) | 3",
                    "Count(IIF(InStr(Trim([proxyAddresses]),\"SMTP:\")=1,NULL,[proxyAddresses])) | 2",
                    "IsPresent([proxyAddresses])                                        | True",
                    "IsNullOrEmpty(Trim([proxyAddresses]))                              | False",
                    "Join(Trim([proxyAddresses]), \",\")                                | SMTP:jd@fabrikam.com,SIP:jd@fabrikam.com,smtp:john@fabrikam.com",
                    "Contains(Trim([proxyAddresses]), \"SIP:\")                         | 2",
                    "Item(UCase([proxyAddresses]), 3)                                   | SMTP:JOHN@FABRIKAM.COM",
                    "Count(RemoveDuplicates(LCase(Trim([proxyAddresses]))))             | 3",
                    "Count([proxyAddresses]) & \":\" & Left(Trim([proxyAddresses]), 4)  | 3:SMTP;3:SIP:;3:smtp",
                    "IIF(Count([proxyAddresses]) > 2, Len([proxyAddresses]), 0)         | 21;20;22",
                })
        void seeEveryValue(String expression, String expected) {
            assertThat(shown(eval(expression, mailbox()))).isEqualTo(expected);
        }

        /** The presence tests give one Boolean for the whole attribute, not one per value. */
        @ParameterizedTest
        @ValueSource(strings = {"IsPresent([proxyAddresses])", "IsNull([proxyAddresses])", "IsEmpty([proxyAddresses])"})
        void presenceTestsGiveOneValue(String expression) {
            assertThat(eval(expression, mailbox())).isInstanceOf(Value.Bool.class);
        }

        /** An attribute that is a whole region by itself, as in a Direct flow, is taken as it is. */
        @Test
        void anAttributeAloneIsTakenWhole() {
            assertThat(eval("[proxyAddresses]", mailbox()))
                    .isEqualTo(mailbox().build().attribute("proxyAddresses"));
            assertThat(eval("([proxyAddresses])", mailbox())).isInstanceOf(Value.Multi.class);
        }
    }

    @Nested
    class OneValueAndNoValues {
        /** "The result of an iterated region is multi-valued, even with one value" (docs/expression-language.md). */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Trim([proxyAddresses])                | SMTP:a@x",
                    "LCase([proxyAddresses]) & \"!\"       | ' smtp:a@x!'",
                    "IIF(InStr([proxyAddresses],\"SIP:\")=1,NULL,[proxyAddresses]) | ' SMTP:a@x'",
                    "[proxyAddresses]                      | ' SMTP:a@x'",
                })
        void aMultiValuedAttributeWithOneValueStaysMultiValued(String expression, String expected) {
            Value v = eval(expression, proxies(" SMTP:a@x"));

            assertThat(v).isInstanceOf(Value.Multi.class);
            assertThat(texts(v)).containsExactly(expected);
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Count([proxyAddresses])       | 1",
                    "IsPresent([proxyAddresses])   | True",
                    "Item([proxyAddresses], 1)     | ' SMTP:a@x'",
                    "Join([proxyAddresses], \",\") | ' SMTP:a@x'",
                })
        void wholeFunctionsSeeTheOneValue(String expression, String expected) {
            assertThat(shown(eval(expression, proxies(" SMTP:a@x")))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Count([proxyAddresses])                | 0",
                    "Count(Trim([proxyAddresses]))          | 0",
                    "IsPresent([proxyAddresses])            | False",
                    "IsNull([proxyAddresses])               | True",
                    "IsNullOrEmpty([proxyAddresses])        | True",
                    "Contains([proxyAddresses], \"SMTP:\")  | 0",
                    "ItemOrNull([proxyAddresses], 1)        | NULL",
                    "Join([proxyAddresses], \",\")          | NULL",
                })
        void anAttributeWithNoValuesCountsNothing(String expression, String expected) {
            assertThat(shown(eval(expression, proxies()))).isEqualTo(expected);
        }

        /**
         * "For an attribute, a Null is expressed by the absence of the attribute"; IsNullOrEmpty "would evaluate to
         * True if the attribute is absent". A multi-valued attribute with no values is absent in a directory, and
         * the language itself reads it as NULL ({@code Value.isNull()}, IsNull, Count).
         */
        // BUG: a multi-valued attribute with no values, used as one value inside a region, makes the region run zero
        // times, so the whole expression yields an empty list whatever it says for the absent case:
        // IIF(Count([p])=0,"none",Trim([p])) is "none" for an absent [p] but [] for an empty one, and "x" & [p] is
        // "x" vs []. Compiler.RegionIterator iterates any Value.Multi, empty included, instead of treating an empty
        // one like NULL (evaluating the body once with the attribute bound to NULL).
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "IIF(Count([proxyAddresses])=0, \"none\", Trim([proxyAddresses]))     | none",
                    "IIF(IsPresent([proxyAddresses]), [proxyAddresses], \"none\")        | none",
                    "\"x\" & [proxyAddresses]                                           | x",
                    "IIF(IsNull([proxyAddresses]), Error(\"no addresses\"), [proxyAddresses]) | error",
                    "IIF(IsNullOrEmpty([proxyAddresses]), IgnoreThisFlow, [proxyAddresses]) | IgnoreThisFlow",
                })
        void anAttributeWithNoValuesBehavesAsAnAbsentOne(String expression, String expected) {
            for (MapEvaluationContext.Builder context : List.of(ctx(), proxies())) {
                String actual;
                try {
                    actual = shown(eval(expression, context));
                } catch (dev.joinery.expr.EvaluationException e) {
                    actual = "error";
                }
                assertThat(actual)
                        .as("with proxyAddresses %s", context.build().attribute("proxyAddresses"))
                        .isEqualTo(expected);
            }
        }
    }

    @Nested
    class SeveralAttributes {
        /** A single-valued attribute next to a multi-valued one is the same for every value. */
        @Test
        void aSingleValuedAttributeJoinsEveryValue() {
            assertThat(texts(eval("Word([proxyAddresses],2,\":\") & \"/\" & [mail]", proxies("SMTP:a@x", "smtp:b@x"))))
                    .containsExactly("a@x/jd@contoso.com", "b@x/jd@contoso.com");
        }

        /** Each use of the attribute in one region is the same current value, not a new iteration. */
        @Test
        void theSameAttributeTwiceIsTheSameValue() {
            assertThat(texts(eval("[proxyAddresses] & \"=\" & LCase([proxyAddresses])", proxies("A", "B"))))
                    .containsExactly("A=a", "B=b");
        }

        /** The second multi-valued attribute applies per value within each value of the first. */
        @Test
        void twoMultiValuedAttributesCombineEveryPair() {
            MapEvaluationContext.Builder context =
                    ctx().attribute("a", strs("1", "2")).attribute("b", strs("x", "y"));

            assertThat(texts(eval("[a] & [b]", context))).containsExactly("1x", "1y", "2x", "2y");
        }

        @Test
        void aVariableBoundToAListAppliesPerValue() {
            assertThat(texts(eval("With($v, [proxyAddresses], Trim($v))", mailbox())))
                    .containsExactly("SMTP:jd@fabrikam.com", "SIP:jd@fabrikam.com", "smtp:john@fabrikam.com");
        }
    }

    @Nested
    class FunctionResults {
        /** A function handed a multi-valued result of another function applies per value too, dropping NULL results. */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Trim(Split(\" a , b \", \",\"))                      | a;b",
                    "UCase(Trim(Split(\" a , b \", \",\")))               | A;B",
                    "DNComponent(Split(\"cn=a,ou=b;cn=c\", \";\"), 2)     | b",
                    "Len(Split(\"a,bb,\", \",\"))                         | 1;2;0",
                    "Trim(ImportedValue(\"proxyAddresses\"))              | SMTP:i@x;smtp:j@x",
                })
        void applyPerValue(String expression, String expected) {
            MapEvaluationContext.Builder context =
                    ctx().importedValue("proxyAddresses", strs(" SMTP:i@x", "smtp:j@x "));

            assertThat(shown(eval(expression, context))).isEqualTo(expected);
        }

        /** A region with an error for one value fails the object: "throw an error on the object". */
        @Test
        void anErrorForOneValueFailsTheWhole() {
            assertThat(evalError(
                                    "IIF(InStr([proxyAddresses],\"SIP:\")>0, Error(\"SIP found\"), [proxyAddresses])",
                                    mailbox())
                            .code())
                    .isEqualTo(Code.ERROR_FUNCTION_TRIGGERED);
        }

        /**
         * "IgnoreThisFlow ... does not remove an already existing value in the target. It's like the attribute flow
         * has never been there." A flow that decides on IgnoreThisFlow (or AuthoritativeNull) for the object must
         * return that marker even when a multi-valued attribute stands in the branch not taken.
         */
        // BUG: IIF([cloudSOAExchMailbox] = True, [cloudMsExchUCVoiceMailSettings], IgnoreThisFlow) with the flag
        // False and two voice-mail values returns an empty list instead of IgnoreThisFlow: the attribute in the
        // untaken branch makes the root region iterate, every iteration yields the marker, and Value.multi drops
        // markers as NULL. The engine then sees "no values" (remove the target's values) rather than "leave the
        // target as it is". Compiler.RegionIterator should return the marker when every iteration returns it.
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "IIF([cloudSOAExchMailbox] = True, [cloudMsExchUCVoiceMailSettings], IgnoreThisFlow)    | IgnoreThisFlow",
                    "IIF([cloudSOAExchMailbox] = True, [cloudMsExchUCVoiceMailSettings], AuthoritativeNull) | AuthoritativeNull",
                })
        void aFlowMarkerChosenForTheObjectIsKept(String expression, String expected) {
            MapEvaluationContext.Builder context = ctx().attribute("cloudSOAExchMailbox", Value.FALSE)
                    .attribute("cloudMsExchUCVoiceMailSettings", strs("ExCH:1", "ExCH:2"));

            assertThat(eval(expression, context).toString()).isEqualTo(expected);
        }

        @Test
        void aFlowMarkerOfASingleValuedFlowIsKept() {
            assertThat(eval("IIF(True, IgnoreThisFlow, [mail])", mailbox())).isEqualTo(Value.IGNORE_THIS_FLOW);
            assertThat(eval("IIF([absent] = True, [proxyAddresses], IgnoreThisFlow)"))
                    .isEqualTo(Value.IGNORE_THIS_FLOW);
        }
    }
}
