package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.FunctionTestSupport.bin;
import static dev.joinery.expr.eval.FunctionTestSupport.ctx;
import static dev.joinery.expr.eval.FunctionTestSupport.eval;
import static dev.joinery.expr.eval.FunctionTestSupport.evalError;
import static dev.joinery.expr.eval.FunctionTestSupport.hex;
import static dev.joinery.expr.eval.FunctionTestSupport.str;
import static dev.joinery.expr.eval.FunctionTestSupport.strs;
import static dev.joinery.expr.eval.FunctionTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Edge rules of the Conversion functions, and of the undocumented CBin the shipped device rules use. */
class ConversionFunctionsTest {

    /** AD's objectGUID of GUID 897485c7-81a7-42eb-97c6-37ed73077b1f, in .NET's Guid.ToByteArray() order. */
    private static final String OBJECT_GUID_BASE64 = "x4V0iaeB60KXxjftcwd7Hw==";

    private static final String OBJECT_GUID = "897485c7-81a7-42eb-97c6-37ed73077b1f";

    /** S-1-5-21-3623811015-3361044348-30300820-1013, built by hand (MS-DTYP 2.4.2.2). */
    private static final Value.Bin SID = bin(
            0x01, // revision 1
            0x05, // five sub-authorities
            0x00, 0x00, 0x00, 0x00, 0x00, 0x05, // identifier authority 5 (NT AUTHORITY), big-endian
            0x15, 0x00, 0x00, 0x00, // 21, little-endian
            0xC7, 0xF7, 0xFE, 0xD7, // 3623811015 = 0xD7FEF7C7
            0x7C, 0x77, 0x55, 0xC8, // 3361044348 = 0xC855777C
            0x94, 0x5A, 0xCE, 0x01, // 30300820 = 0x01CE5A94
            0xF5, 0x03, 0x00, 0x00); // RID 1013 = 0x3F5

    private static MapEvaluationContext.Builder user() {
        return ctx().attribute("objectGUID", Value.ofBytes(Base64.getDecoder().decode(OBJECT_GUID_BASE64)))
                .attribute("objectSid", SID);
    }

    @Nested
    class CBool {
        /** "If the expression evaluates to a non-zero value, then CBool returns True, else it returns False." */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "CBool(1)                        | true",
                    "CBool(-1)                       | true",
                    "CBool(0)                        | false",
                    "CBool(\"512\")                  | true",
                    "CBool(\"0\")                    | false",
                    "CBool(\"True\")                 | true",
                    "CBool(\" false \")              | false",
                    "CBool(True)                     | true",
                    "CBool(NULL)                     | false",
                    "CBool([absent])                 | false",
                    "CBool([absent] = \"x\")         | false",
                    "CBool(BitAnd(-2147483646, -2147483648)) | true",
                    "CBool(BitAnd(2, -2147483648))   | false",
                })
        void isTrueForNonZeroAndFalseForZeroOrNull(String expression, boolean expected) {
            assertThat(eval(expression)).isEqualTo(Value.of(expected));
        }

        /** "CBool([attrib1] = [attrib2]) Returns True if both attributes have the same value." */
        @Test
        void ofAComparisonOfTwoAttributes() {
            assertThat(eval(
                            "CBool([attrib1] = [attrib2])",
                            ctx().attribute("attrib1", "x").attribute("attrib2", "x")))
                    .isEqualTo(Value.TRUE);
            assertThat(eval("CBool([attrib1] = [attrib2])", ctx().attribute("attrib1", "x")))
                    .isEqualTo(Value.FALSE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CBool(\"yes\")", "CBool([objectGUID])", "CBool(\"1.5\")"})
        void refusesWhatIsNeitherBooleanNorNumber(String expression) {
            EvaluationException e = evalError(expression, user());

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("CBool");
        }
    }

    @Nested
    class Guids {
        /** "A String formatted in this pattern: 00001111-aaaa-2222-bbbb-3333cccc4444 or {...}". */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "897485c7-81a7-42eb-97c6-37ed73077b1f",
                    "{897485c7-81a7-42eb-97c6-37ed73077b1f}",
                    "897485C7-81A7-42EB-97C6-37ED73077B1F",
                    " 897485c7-81a7-42eb-97c6-37ed73077b1f ",
                })
        void cGuidGivesTheDotNetByteOrderOfObjectGuid(String text) {
            assertThat(eval("ConvertToBase64(CGuid(\"" + text + "\"))")).isEqualTo(str(OBJECT_GUID_BASE64));
        }

        @Test
        void stringFromGuidReadsObjectGuidInDotNetByteOrder() {
            assertThat(eval("StringFromGuid([objectGUID])", user())).isEqualTo(str(OBJECT_GUID));
        }

        @Test
        void cGuidAndStringFromGuidRoundTrip() {
            assertThat(eval("StringFromGuid(CGuid(\"{" + OBJECT_GUID.toUpperCase() + "}\"))"))
                    .isEqualTo(str(OBJECT_GUID));
            assertThat(eval("CGuid(StringFromGuid([objectGUID])) = [objectGUID]", user()))
                    .isEqualTo(Value.TRUE);
        }

        @Test
        void cGuidOfAGuidValueGivesItsBytes() {
            MapEvaluationContext.Builder context = ctx().attribute("id", Value.of(UUID.fromString(OBJECT_GUID)));

            assertThat(eval("ConvertToBase64(CGuid([id]))", context)).isEqualTo(str(OBJECT_GUID_BASE64));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\"{897485c7-81a7-42eb-97c6-37ed73077b1f\"",
                    "\"897485c7-81a7-42eb-97c6-37ed73077b1f}\"",
                    "\"897485c7-81a7-42eb-97c6\"",
                    "\"897485c781a742eb97c637ed73077b1f\"",
                    "\"not a guid\"",
                    "12",
                })
        void cGuidRefusesTextThatIsNoGuid(String argument) {
            EvaluationException e = evalError("CGuid(" + argument + ")");

            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("CGuid");
        }

        @Test
        void stringFromGuidRefusesAnythingButSixteenBytes() {
            assertThat(evalError("StringFromGuid(Left([objectGUID], 15))", user())
                            .code())
                    .isEqualTo(Code.INVALID_ARGUMENT);
            EvaluationException e = evalError("StringFromGuid(\"" + OBJECT_GUID + "\")");
            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("StringFromGuid", "bin");
        }

        @ParameterizedTest
        @ValueSource(strings = {"CGuid([absent])", "StringFromGuid([absent])"})
        void ofNullAreNull(String expression) {
            assertThat(eval(expression)).isEqualTo(Value.NULL);
        }
    }

    @Nested
    class StringFromSid {
        @Test
        void givesTheTextFormOfADomainUserSid() {
            assertThat(eval("StringFromSid([objectSid])", user()))
                    .isEqualTo(str("S-1-5-21-3623811015-3361044348-30300820-1013"));
        }

        @Test
        void givesTheTextFormOfAWellKnownSid() {
            // S-1-5-32-544, BUILTIN\Administrators
            assertThat(eval("StringFromSid([sid])", ctx().attribute("sid", hex("01020000000000052000000020020000"))))
                    .isEqualTo(str("S-1-5-32-544"));
        }

        @Test
        void appliesToEveryValueOfSidHistory() {
            MapEvaluationContext.Builder context =
                    ctx().multiValued("sIDHistory", java.util.List.of(SID, hex("01020000000000052000000020020000")));

            assertThat(texts(eval("StringFromSid([sIDHistory])", context)))
                    .containsExactly("S-1-5-21-3623811015-3361044348-30300820-1013", "S-1-5-32-544");
        }

        @Test
        void refusesBytesThatAreNoSid() {
            EvaluationException tooShort = evalError("StringFromSid(Left([objectSid], 20))", user());
            EvaluationException text = evalError("StringFromSid(\"S-1-5-32-544\")");

            assertThat(tooShort.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(tooShort.getMessage()).contains("StringFromSid");
            assertThat(text.code()).isEqualTo(Code.TYPE_MISMATCH);
        }

        @Test
        void ofNullIsNull() {
            assertThat(eval("StringFromSid([absent])")).isEqualTo(Value.NULL);
        }
    }

    @Nested
    class Base64AndUtf8Hex {
        /** "The ConvertToBase64 function converts a string to a Unicode base64 string." */
        @Test
        void convertToBase64EncodesTextAsUtf16LittleEndian() {
            assertThat(eval("ConvertToBase64(\"Hi\")")).isEqualTo(str("SABpAA=="));
            assertThat(eval("ConvertToBase64(12)")).isEqualTo(str("MQAyAA=="));
        }

        /** The shipped sourceAnchor flow {@code ConvertToBase64([objectGUID])} encodes the 16 bytes as they are. */
        @Test
        void convertToBase64EncodesBinaryAsItIs() {
            assertThat(eval("ConvertToBase64([objectGUID])", user())).isEqualTo(str(OBJECT_GUID_BASE64));
        }

        /** The shipped {@code IIF(IsString([objectGUID]),CStr([objectGUID]),ConvertToBase64([objectGUID]))}. */
        @Test
        void shippedSourceAnchorFlowEncodesABinaryObjectGuid() {
            String flow = "IIF(IsString([objectGUID]),CStr([objectGUID]),ConvertToBase64([objectGUID]))";

            assertThat(eval(flow, user())).isEqualTo(str(OBJECT_GUID_BASE64));
            assertThat(eval(flow, ctx().attribute("objectGUID", "already text")))
                    .isEqualTo(str("already text"));
        }

        /** "assumes Unicode for encoding"; "Encoding: Unicode, ASCII, UTF8". */
        @ParameterizedTest(name = "{0} is \"{1}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "ConvertFromBase64(\"SABpAA==\")                | Hi",
                    "ConvertFromBase64(\"SABpAA==\", Unicode)       | Hi",
                    "ConvertFromBase64(\"SGk=\", UTF8)              | Hi",
                    "ConvertFromBase64(\"SGk=\", \"UTF8\")          | Hi",
                    "ConvertFromBase64(\"SGk=\", ASCII)             | Hi",
                    "ConvertFromBase64(\"w6k=\", UTF8)              | é",
                    "ConvertFromBase64(ConvertToBase64(\"Größe\"))  | Größe",
                })
        void convertFromBase64DecodesInTheEncodingGiven(String expression, String expected) {
            assertThat(eval(expression)).isEqualTo(str(expected));
        }

        @Test
        void convertFromBase64RefusesATruncatedValue() {
            EvaluationException e = evalError("ConvertFromBase64(\"S\", UTF8)");

            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("ConvertFromBase64");
        }

        /** "The ConvertFromBase64 function converts the specified base64 encoded value to a regular string." */
        // BUG: ConvertFromBase64("Zm9v!!!!", UTF8) returns "foo" instead of failing: ConversionFunctions uses
        // Base64.getMimeDecoder(), which silently skips every character outside the base64 alphabet, so text
        // that is not base64 at all decodes to garbage (the code's own "not base64" error is unreachable for
        // it). .NET's Convert.FromBase64String, which Connect uses, rejects such characters (only white space
        // is skipped).
        @ParameterizedTest
        @ValueSource(strings = {"Zm9v!!!!", "Zm9v.Zm9v", "jdoe@contoso.com"})
        void convertFromBase64RefusesCharactersOutsideTheAlphabet(String text) {
            EvaluationException e = evalError("ConvertFromBase64(\"" + text + "\", UTF8)");

            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
        }

        @Test
        void convertFromBase64SkipsLineBreaks() {
            assertThat(eval("ConvertFromBase64(\"SABl\\r\\nAGwAbABvAA==\")")).isEqualTo(str("Hello"));
        }

        /** "The output format of this function is used by Microsoft Entra ID as DN attribute format." */
        @ParameterizedTest(name = "{0} is \"{1}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "ConvertToUTF8Hex(\"x4V0iaeB60KXxjftcwd7Hw==\") | 783456306961654236304B58786A66746377643748773D3D",
                    "ConvertToUTF8Hex(\"é€\")                       | C3A9E282AC",
                    "ConvertToUTF8Hex(\"\")                         | ''",
                    "ConvertFromUTF8Hex(\"c3a9e282ac\")             | é€",
                    "ConvertFromUTF8Hex(\" 4869 \")                 | Hi",
                    "ConvertFromUTF8Hex(ConvertToUTF8Hex(\"Größe\")) | Größe",
                })
        void utf8HexConvertsBothWays(String expression, String expected) {
            assertThat(eval(expression)).isEqualTo(str(expected));
        }

        @ParameterizedTest
        @ValueSource(strings = {"486", "48G9", "48 69"})
        void convertFromUtf8HexRefusesWhatIsNotHex(String text) {
            EvaluationException e = evalError("ConvertFromUTF8Hex(\"" + text + "\")");

            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("ConvertFromUTF8Hex");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ConvertToBase64([absent])",
                    "ConvertFromBase64([absent])",
                    "ConvertToUTF8Hex([absent])",
                    "ConvertFromUTF8Hex(NULL)"
                })
        void ofNullAreNull(String expression) {
            assertThat(eval(expression)).isEqualTo(Value.NULL);
        }

        @Test
        void convertToUtf8HexRefusesBinary() {
            EvaluationException e = evalError("ConvertToUTF8Hex([objectGUID])", user());

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("ConvertToUTF8Hex");
        }
    }

    @Nested
    class CNum {
        /** "The CNum function takes a string and returns a numeric data type." */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "CNum(\"42\")                   | 42",
                    "CNum(\" 42 \")                 | 42",
                    "CNum(\"+42\")                  | 42",
                    "CNum(\"-2147483648\")          | -2147483648",
                    "CNum(\"&HFF\")                 | 255",
                    "CNum(\"&h21C07000\")           | 566259712",
                    "CNum(42)                       | 42",
                    "CNum(True)                     | -1",
                    "CNum(False)                    | 0",
                    "CNum(\"9223372036854775807\")  | 9223372036854775807",
                    "7 + CNum(\"5\")                | 12",
                })
        void readsNumbersWrittenAsText(String expression, long expected) {
            assertThat(eval(expression)).isEqualTo(Value.of(expected));
        }

        /**
         * The shipped NGC key flow {@code 8+CNum(Mid([searchableDeviceKey],5,2))} reads a binary slice as a
         * little-endian number.
         */
        @ParameterizedTest(name = "CNum(0x{0}) is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "01       | 1",
                    "FF       | 255",
                    "0201     | 258",
                    "0001     | 256",
                    "FFFF     | 65535",
                    "00010000 | 256",
                    "FFFFFFFFFFFFFFFF | -1",
                })
        void readsOneOrTwoBytesLittleEndian(String bytes, long expected) {
            assertThat(eval("CNum([b])", ctx().attribute("b", hex(bytes)))).isEqualTo(Value.of(expected));
        }

        @Test
        void readsTheLengthFieldOfAKeyBlob() {
            MapEvaluationContext.Builder context = ctx().attribute("key", hex("0000000020000100AABB"));

            assertThat(eval("8 + CNum(Mid([key], 5, 2))", context)).isEqualTo(Value.of(40));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"abc\"", "\"\"", "\"12.5\"", "\"1e3\"", "\"99999999999999999999\"", "CRef(\"cn=x\")"})
        void refusesWhatIsNoNumber(String argument) {
            EvaluationException e = evalError("CNum(" + argument + ")");

            assertThat(e.code()).isIn(Code.INVALID_ARGUMENT, Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("CNum");
        }

        @Test
        void refusesBinaryLongerThanEightBytes() {
            EvaluationException e = evalError("CNum([objectGUID])", user());

            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("CNum", "16 bytes");
        }

        @Test
        void ofNullIsNull() {
            assertThat(eval("CNum([absent])")).isEqualTo(Value.NULL);
        }
    }

    @Nested
    class CRefAndCStr {
        @Test
        void cRefMakesAReferenceOfText() {
            assertThat(eval(
                            "CRef(\"CN=LC Services,CN=Microsoft,\" & %Forest.LDAP%)",
                            ctx().parameter("Forest.LDAP", "DC=fabrikam,DC=com")))
                    .isEqualTo(Value.ref("CN=LC Services,CN=Microsoft,DC=fabrikam,DC=com"));
            assertThat(eval("CRef(CRef(\"cn=x\"))")).isEqualTo(Value.ref("cn=x"));
        }

        @Test
        void cRefRefusesANumber() {
            EvaluationException e = evalError("CRef(12)");

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("CRef");
        }

        /** "value: Can be a numeric value, reference attribute, or Boolean." */
        @ParameterizedTest(name = "{0} is \"{1}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "CStr(42)                      | 42",
                    "CStr(-7)                      | -7",
                    "CStr(True)                    | True",
                    "CStr(1 = 2)                   | False",
                    "CStr(CRef(\"cn=Joe,dc=contoso,dc=com\")) | cn=Joe,dc=contoso,dc=com",
                    "CStr(\"text\")                | text",
                })
        void cStrMakesTextOfNumbersBooleansAndReferences(String expression, String expected) {
            assertThat(eval(expression)).isEqualTo(str(expected));
        }

        @Test
        void cStrOfReferenceAttribute() {
            assertThat(eval("CStr([dn])", ctx().attribute("dn", Value.ref("cn=Joe,dc=contoso,dc=com"))))
                    .isEqualTo(str("cn=Joe,dc=contoso,dc=com"));
        }

        /** "Used to determine if CStr() can be successful": IsString and CStr agree on binary. */
        @Test
        void cStrRefusesBinary() {
            EvaluationException e = evalError("CStr([objectGUID])", user());

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("CStr");
            assertThat(eval("IsString([objectGUID])", user())).isEqualTo(Value.FALSE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CRef([absent])", "CStr([absent])"})
        void ofNullAreNull(String expression) {
            assertThat(eval(expression)).isEqualTo(Value.NULL);
        }
    }

    @Nested
    class CBin {
        /** The shipped {@code CBin(Len(Thumbprint(...)),2) & CBin(2,1)}: the number as that many little-endian bytes. */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "CBin(2, 1)                  | 02",
                    "CBin(255, 1)                | FF",
                    "CBin(-1, 1)                 | FF",
                    "CBin(-128, 1)               | 80",
                    "CBin(258, 2)                | 0201",
                    "CBin(32, 2) & CBin(2, 1)    | 200002",
                    "CBin(1, 4)                  | 01000000",
                    "CBin(-1, 8)                 | FFFFFFFFFFFFFFFF",
                    "CBin(\"16\", \"2\")         | 1000",
                })
        void writesLittleEndianBytes(String expression, String expectedHex) {
            assertThat(eval(expression)).isEqualTo(hex(expectedHex));
        }

        @Test
        void roundTripsThroughCNum() {
            assertThat(eval("CNum(CBin(4660, 2))")).isEqualTo(Value.of(4660));
        }

        @ParameterizedTest
        @ValueSource(strings = {"CBin(256, 1)", "CBin(-129, 1)", "CBin(65536, 2)", "CBin(1, 0)", "CBin(1, 9)"})
        void refusesAValueThatDoesNotFit(String expression) {
            EvaluationException e = evalError(expression);

            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("CBin");
        }

        @Test
        void ofNullIsNull() {
            assertThat(eval("CBin([absent], 2)")).isEqualTo(Value.NULL);
        }
    }

    @Test
    void conversionsApplyToEveryValue() {
        MapEvaluationContext.Builder context = ctx().attribute("mv", strs("1", "&H10", "0"));

        assertThat(texts(eval("CNum([mv])", context))).containsExactly("1", "16", "0");
        assertThat(texts(eval("CBool([mv])", context))).containsExactly("True", "True", "False");
        assertThat(texts(eval("ConvertToUTF8Hex([mv])", context))).containsExactly("31", "26483130", "30");
    }
}
