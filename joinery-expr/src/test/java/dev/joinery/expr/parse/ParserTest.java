package dev.joinery.expr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.expr.ExpressionSyntaxException;
import dev.joinery.expr.ast.AstPrinter;
import dev.joinery.expr.ast.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

    private static String tree(String source) {
        return AstPrinter.sexpr(Parser.parse(source));
    }

    /** "\\0ACNF:" in the shipped cloudFiltered flow must be the five characters \0ACNF: (notes §1.1). */
    @Test
    void doubledBackslashIsOneBackslash() {
        Node node = Parser.parse("\"\\\\0ACNF:\"");

        assertThat(((Node.StringLiteral) node).value()).isEqualTo("\\0ACNF:");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"a\\tb\"           | a\tb",
                "\"say \"\"hi\"\"\"  | say \"hi\"",
                "\"\\q\"             | \\q",
                "\"\\\"\"            | \"",
            })
    void stringEscapesDecode(String source, String expected) {
        assertThat(((Node.StringLiteral) Parser.parse(source)).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "&HFF          | 255",
                "&h21C07000    | 566259712",
                "-2147483648   | -2147483648",
                "98052         | 98052",
            })
    void numbersReadAsSixtyFourBitIntegers(String source, long expected) {
        assertThat(((Node.NumberLiteral) Parser.parse(source)).value()).isEqualTo(expected);
    }

    /**
     * "Operators are evaluated left to right and have the same evaluation priority" holds for the arithmetic
     * level; comparisons bind tighter than && and ||, and && tighter than ||.
     */
    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            value = {
                "2*5+3              => (+ (* (num 2) (num 5)) (num 3))",
                "2+5*3              => (* (+ (num 2) (num 5)) (num 3))",
                "[a] & \"x\" = \"y\" => (= (& (AttributeRef [a]) (StringLiteral \"x\")) (StringLiteral \"y\"))",
                "1 = 2 || 3 = 4 && 5 = 6 => (|| (= (num 1) (num 2)) (&& (= (num 3) (num 4)) (= (num 5) (num 6))))",
                "1 < 2 = True       => (= (< (num 1) (num 2)) (BooleanLiteral True))",
            })
    void operatorsBindAsDocumented(String source, String expected) {
        assertThat(tree(source)).isEqualTo(expected);
    }

    @Test
    void attributeNamesMayContainHyphensAndParametersDots() {
        assertThat(tree("IIF(IsPresent([mS-DS-ConsistencyGuid]),%Domain.FQDN%,$item)"))
                .isEqualTo("(call IIF (call IsPresent (AttributeRef [mS-DS-ConsistencyGuid]))"
                        + " (ParameterRef %Domain.FQDN%) (VariableRef $item))");
    }

    @Test
    void newlinesAndIndentationAreWhitespace() {
        String multiLine = "IIF(IsPresent([a]),\n        [a],\r\n\t[b])";

        assertThat(tree(multiLine)).isEqualTo(tree("IIF(IsPresent([a]),[a],[b])"));
    }

    @Test
    void printedTextParsesToTheSameTree() {
        String source = "IIF(( [x]>1 ) && -[y] <> &H10,\"a\\\\b\" & CRLF, -5)";
        String printed = AstPrinter.print(Parser.parse(source));

        assertThat(tree(printed)).isEqualTo(tree(source));
        assertThat(AstPrinter.print(Parser.parse(printed))).isEqualTo(printed);
    }

    @Test
    void syntaxErrorNamesLineColumnExpectationAndShowsACaret() {
        assertThatThrownBy(() -> Parser.parse("IIF([a],\n  [b] [c])"))
                .isInstanceOf(ExpressionSyntaxException.class)
                .satisfies(e -> {
                    ExpressionSyntaxException s = (ExpressionSyntaxException) e;
                    assertThat(s.line()).isEqualTo(2);
                    assertThat(s.column()).isEqualTo(7);
                    assertThat(s.getMessage())
                            .contains("line 2, column 7")
                            .contains("expected ',' or ')' in the call of IIF")
                            .endsWith("  [b] [c])\n      ^");
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\u201CContoso\u201D  | smart quote",
                "[a] == 1             | equality is a single '='",
                "[a] != 1             | inequality is '<>'",
                "[a] And [b]          | use '&&'",
                "\"open               | closing '\"'",
                "[unclosed            | expected ']'",
                "(1                   | expected ')'",
                "1)                   | a ')' without its '('",
                "F(1,,2)              | expected argument 2 of F",
                "1.5                  | whole decimal number",
                "&H                   | but found '&'",
                "#                    | unexpected character '#'",
                "99999999999999999999 | does not fit in 64 bits",
            })
    void malformedInputGetsAClearMessage(String source, String fragment) {
        assertThatThrownBy(() -> Parser.parse(source))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining(fragment);
    }

    @Test
    void emptyTextIsAnError() {
        assertThatThrownBy(() -> Parser.parse("  \n "))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("expected an expression");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(5000) + "1" + ")".repeat(5000);

        assertThatThrownBy(() -> Parser.parse(deep))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("nests deeper than");
    }
}
