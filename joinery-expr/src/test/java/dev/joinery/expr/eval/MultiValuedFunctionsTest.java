package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.FunctionTestSupport.bin;
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
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contains, Count, Item, ItemOrNull, Join, RemoveDuplicates, Split and the undocumented ValueCount. */
class MultiValuedFunctionsTest {

    /** A mailbox user: a secondary address, the primary (upper-case SMTP:), a SIP and an X500 address. */
    private static MapEvaluationContext.Builder mailbox() {
        return ctx().attribute(
                        "proxyAddresses",
                        strs(
                                "smtp:jd@contoso.com",
                                "SMTP:john.doe@contoso.com",
                                "SIP:jd@contoso.com",
                                "X500:/o=Contoso/cn=jd"))
                .attribute("mail", "john.doe@contoso.com")
                .multiValued(
                        "member",
                        List.of(
                                Value.ref("CN=Ann,OU=Sales,DC=contoso,DC=com"),
                                Value.ref("CN=Bob,OU=HR,DC=contoso,DC=com")))
                .attribute("description", strs("Only value"));
    }

    @Nested
    class Contains {
        /**
         * "For multi-valued string attributes, the search finds substrings in the values. For reference
         * attributes, the searched string must exactly match the value to be considered a match." "Returns index
         * in the multi-valued attribute where the string was found. 0 is returned if the string is not found."
         */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Contains([proxyAddresses], \"SMTP:\")                  | 2",
                    "Contains([proxyAddresses], \"smtp:\")                  | 1",
                    "Contains([proxyAddresses], \"SMTP:\", CaseInsensitive) | 1",
                    "Contains([proxyAddresses], \"sip:\", CaseInsensitive)  | 3",
                    "Contains([proxyAddresses], \"sip:\", CaseSensitive)    | 0",
                    "Contains([proxyAddresses], \"sip:\")                   | 0",
                    "Contains([proxyAddresses], \"john.doe\")               | 2",
                    "Contains([proxyAddresses], \"X500:/o=Contoso/cn=jd\")  | 4",
                    "Contains([proxyAddresses], \"nobody\")                 | 0",
                    "Contains([proxyAddresses], NULL)                       | 0",
                    "Contains([absent], \"SMTP:\")                          | 0",
                    "Contains([mail], \"contoso\")                          | 1",
                    "Contains([member], \"CN=Bob,OU=HR,DC=contoso,DC=com\") | 2",
                    "Contains([member], \"CN=Bob\")                         | 0",
                    "Contains([member], \"cn=bob,ou=hr,dc=contoso,dc=com\") | 0",
                    "Contains([member], \"cn=bob,ou=hr,dc=contoso,dc=com\", CaseInsensitive) | 2",
                    "Contains([member], \"cn=bob\", CaseInsensitive)        | 0",
                    "Contains(Split(\"a;bc\", \";\"), \"c\")                | 2",
                })
        void findsSubstringsInTextAndExactReferences(String expression, long expected) {
            assertThat(eval(expression, mailbox())).isEqualTo(Value.of(expected));
        }

        @Test
        void skipsBinaryValues() {
            assertThat(eval("Contains([certs], \"01\")", ctx().multiValued("certs", List.of(bin(0x01), bin(0x02)))))
                    .isEqualTo(Value.of(0));
        }

        /**
         * "IIF(Contains([proxyAddresses],"SMTP:")>0,[proxyAddresses],Error("No primary SMTP address found.")) If
         * the proxyAddresses attribute has a primary email address ... then return the proxyAddress attribute,
         * else return an error."
         */
        @Test
        void guardsTheProxyAddressesAsInTheReferenceExample() {
            String flow =
                    "IIF(Contains([proxyAddresses],\"SMTP:\")>0,[proxyAddresses],Error(\"No primary SMTP address found.\"))";

            assertThat(texts(eval(flow, mailbox())))
                    .containsExactly(
                            "smtp:jd@contoso.com",
                            "SMTP:john.doe@contoso.com",
                            "SIP:jd@contoso.com",
                            "X500:/o=Contoso/cn=jd");
            EvaluationException e = evalError(flow, ctx().attribute("proxyAddresses", strs("smtp:jd@contoso.com")));
            assertThat(e.code()).isEqualTo(Code.ERROR_FUNCTION_TRIGGERED);
            assertThat(e.problem()).isEqualTo("No primary SMTP address found.");
        }
    }

    @Nested
    class CountAndValueCount {
        /** "The Count function returns the number of elements in a multi-valued attribute". */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Count([proxyAddresses])               | 4",
                    "Count([description])                  | 1",
                    "Count([mail])                         | 1",
                    "Count([absent])                       | 0",
                    "Count([none])                         | 0",
                    "Count(Split(\"a,b,c\", \",\"))        | 3",
                    "Count(NULL)                           | 0",
                    "ValueCount(\"proxyAddresses\")        | 4",
                    "ValueCount(\"member\")                | 2",
                    "ValueCount(\"mail\")                  | 1",
                    "ValueCount(\"absent\")                | 0",
                    "ValueCount(\"none\")                  | 0",
                    "ValueCount(\"mem\" & \"ber\")         | 2",
                })
        void countValues(String expression, long expected) {
            assertThat(eval(expression, mailbox().multiValued("none", List.of())))
                    .isEqualTo(Value.of(expected));
        }

        /** The shipped "In from AD - Group Common" flow {@code memberCount <- ValueCount("member")}. */
        @Test
        void valueCountTakesTheAttributeNameAsText() {
            assertThat(eval("ValueCount(\"member\")", mailbox())).isEqualTo(Value.of(2));
            assertThat(evalError("ValueCount(NULL)").code()).isEqualTo(Code.TYPE_MISMATCH);
        }
    }

    @Nested
    class ItemAndItemOrNull {
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Item([proxyAddresses], 1)       | smtp:jd@contoso.com",
                    "Item([proxyAddresses], 4)       | X500:/o=Contoso/cn=jd",
                    "Item([proxyAddresses], \"2\")   | SMTP:john.doe@contoso.com",
                    "Item([description], 1)          | Only value",
                    "Item([mail], 1)                 | john.doe@contoso.com",
                    "ItemOrNull([proxyAddresses], 3) | SIP:jd@contoso.com",
                    "Item(Split(\"a,b\", \",\"), 2)  | b",
                    "Item([proxyAddresses], Contains([proxyAddresses], \"SMTP:\")) | SMTP:john.doe@contoso.com",
                })
        void areOneBased(String expression, String expected) {
            assertThat(eval(expression, mailbox())).isEqualTo(str(expected));
        }

        /** Item: "Throws an error if index is out of bounds." ItemOrNull: "If index is out of bounds, then returns a Null value." */
        @ParameterizedTest(name = "index {0}")
        @ValueSource(
                strings = {
                    "[proxyAddresses], 0",
                    "[proxyAddresses], 5",
                    "[proxyAddresses], -1",
                    "[proxyAddresses], Contains([proxyAddresses], \"nobody\")",
                    "[absent], 1",
                    "[mail], 2",
                })
        void outOfBoundsIsAnErrorForItemAndNullForItemOrNull(String arguments) {
            EvaluationException e = evalError("Item(" + arguments + ")", mailbox());

            assertThat(e.code()).isEqualTo(Code.INDEX_OUT_OF_RANGE);
            assertThat(e.getMessage()).contains("Item", "out of bounds");
            assertThat(eval("ItemOrNull(" + arguments + ")", mailbox())).isEqualTo(Value.NULL);
        }

        @Test
        void itemNamesTheIndexAndTheNumberOfValues() {
            assertThat(evalError("Item([proxyAddresses], 5)", mailbox()).problem())
                    .isEqualTo("Item: index 5 is out of bounds: there are 4 values");
        }

        @Test
        void refuseAnIndexThatIsNoNumber() {
            EvaluationException e = evalError("ItemOrNull([proxyAddresses], \"first\")", mailbox());

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("ItemOrNull");
        }

        /**
         * "Mid(Item([proxyAddresses],Contains([proxyAddresses], "SMTP:")),6) Returns the primary email address."
         */
        // BUG: throws StringIndexOutOfBoundsException instead of returning "john.doe@contoso.com": the two-argument
        // Mid overflows (from + Long.MAX_VALUE) for any start above 1; see TextFunctionsTest.Mid.
        @Test
        void returnsThePrimaryAddressAsInTheReferenceExample() {
            assertThat(eval("Mid(Item([proxyAddresses],Contains([proxyAddresses], \"SMTP:\")),6)", mailbox()))
                    .isEqualTo(str("john.doe@contoso.com"));
        }
    }

    @Nested
    class Join {
        /**
         * "If omitted, the space character (" ") is used. If Delimiter is a zero-length string ("") or Nothing,
         * all items in the list are concatenated with no delimiters."
         */
        @ParameterizedTest(name = "{0} is \"{1}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Join([abc])                      | a b c",
                    "Join([abc], \",\")               | a,b,c",
                    "Join([abc], \", \")              | 'a, b, c'",
                    "Join([abc], \"\")                | abc",
                    "Join([abc], NULL)                | abc",
                    "Join([abc], [absent])            | abc",
                    "Join([mail])                     | john.doe@contoso.com",
                    "Join([numbers], \"+\")           | 1+22",
                    "Join(Split(\"a;b\", \";\"), \",\") | a,b",
                    "Join(Trim([padded]), \"/\")      | x/y",
                })
        void joinsWithTheDelimiter(String expression, String expected) {
            MapEvaluationContext.Builder context = mailbox()
                    .attribute("abc", strs("a", "b", "c"))
                    .multiValued("numbers", List.of(Value.of(1), Value.of(22)))
                    .attribute("padded", strs(" x", "y "));

            assertThat(eval(expression, context)).isEqualTo(str(expected));
        }

        /** "There is parity between the Join and Split functions." */
        @ParameterizedTest
        @ValueSource(strings = {"a,b,c", "a,,b", "a,", "single"})
        void undoesSplit(String text) {
            assertThat(eval("Join(Split([t], \",\"), \",\")", ctx().attribute("t", text)))
                    .isEqualTo(str(text));
        }

        @Test
        void ofNullIsNull() {
            assertThat(eval("Join([absent], \",\")")).isEqualTo(Value.NULL);
        }

        @Test
        void refusesBinaryValues() {
            EvaluationException e = evalError("Join([certs])", ctx().multiValued("certs", List.of(bin(1), bin(2))));

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("Join");
        }
    }

    @Nested
    class RemoveDuplicates {
        /**
         * "takes a multi-valued string and make sure each value is unique"; case-sensitively, since proxyAddresses
         * "SMTP:" (primary) and "smtp:" (secondary) differ.
         */
        @Test
        void keepsTheFirstOfEachValueCaseSensitively() {
            MapEvaluationContext.Builder context =
                    ctx().attribute("proxyAddresses", strs("SMTP:a@x", "smtp:a@x", "SMTP:a@x", "smtp:b@x", "smtp:a@x"));

            assertThat(texts(eval("RemoveDuplicates([proxyAddresses])", context)))
                    .containsExactly("SMTP:a@x", "smtp:a@x", "smtp:b@x");
        }

        @Test
        void ofOneValueIsThatValue() {
            assertThat(texts(eval("RemoveDuplicates([mail])", mailbox()))).containsExactly("john.doe@contoso.com");
        }

        @Test
        void ofNullIsNull() {
            assertThat(eval("RemoveDuplicates([absent])")).isEqualTo(Value.NULL);
        }

        /** The shipped {@code proxyAddresses <- RemoveDuplicates(Trim(ImportedValue("proxyAddresses")))}. */
        @Test
        void removesDuplicatesThatTrimmingTheImportedValuesMakes() {
            MapEvaluationContext.Builder context = ctx().attribute("proxyAddresses", strs("SMTP:pending@x"))
                    .importedValue("proxyAddresses", strs(" SMTP:a@x", "SMTP:a@x ", "smtp:a@x", "smtp:b@x"));

            assertThat(texts(eval("RemoveDuplicates(Trim(ImportedValue(\"proxyAddresses\")))", context)))
                    .containsExactly("SMTP:a@x", "smtp:a@x", "smtp:b@x");
        }
    }

    @Nested
    class Split {
        /** "limit: maximum number of values that can return"; the last value keeps the rest, as in .NET. */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Split(\"SMTP:john.doe@contoso.com,smtp:jd@contoso.com\", \",\") | SMTP:john.doe@contoso.com;smtp:jd@contoso.com",
                    "Split(\"a,b,c\", \",\", 2)     | a;b,c",
                    "Split(\"a,b,c\", \",\", 1)     | a,b,c",
                    "Split(\"a,b,c\", \",\", 3)     | a;b;c",
                    "Split(\"a,b,c\", \",\", 99)    | a;b;c",
                    "Split(\"a,b,c\", \",\", NULL)  | a;b;c",
                    "Split(\"a,b,c\", \",\", \"2\") | a;b,c",
                    "Split(\"a,,b\", \",\")         | a;;b",
                    "Split(\"abc\", \",\")          | abc",
                    "Split(12345, 3)                | 12;45",
                })
        void splitsAtEveryDelimiterUpToTheLimit(String expression, String expectedJoinedBySemicolons) {
            assertThat(String.join(";", texts(eval(expression)))).isEqualTo(expectedJoinedBySemicolons);
        }

        @Test
        void keepsEmptyValuesAtTheEnds() {
            assertThat(texts(eval("Split(\",a,\", \",\")"))).containsExactly("", "a", "");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Split(\"a,b\", \",\", 0)",
                    "Split(\"a,b\", \",\", -1)",
                    "Split(\"a,b\", \"\")",
                    "Split(\"a,b\", NULL)",
                })
        void refusesAnEmptyDelimiterOrALimitBelowOne(String expression) {
            EvaluationException e = evalError(expression);

            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("Split");
        }

        @Test
        void ofNullIsNull() {
            assertThat(eval("Split([absent], \",\")")).isEqualTo(Value.NULL);
        }

        @Test
        void appliesToEveryValueAndFlattens() {
            assertThat(texts(eval("Split([abc], \",\")", ctx().attribute("abc", strs("a,b", "c")))))
                    .containsExactly("a", "b", "c");
        }
    }
}
