package dev.joinery.expr.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Expression;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import dev.joinery.expr.ast.AstPrinter;
import dev.joinery.expr.ast.Node;
import dev.joinery.expr.ast.Operator;
import dev.joinery.expr.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Operator precedence. The reference says: "Operators are evaluated left to right and have the same
 * evaluation priority. That is, the * (multiplier) is not evaluated before - (subtraction). 2*(5+3) is not the
 * same as 2*5+3." (concept-azure-ad-connect-sync-declarative-provisioning-expressions.md, Operators).
 *
 * <p>The project chose four levels ({@link Operator}): {@code ||} lowest, then {@code &&}, then the
 * comparisons, then {@code & + - * /} together, left to right. The notes (§1.3) explain why: the shipped
 * {@code cloudFiltered} flow of "In from AD - User Join" "relies on || chains where each comparison must bind
 * before ||; under strict 'same priority, left to right' this would evaluate as
 * ((IsPresent(..) || IsPresent(..)) = False) || ..., which gives a different truth table."
 */
class OperatorPrecedenceTest {
    private static final String USER_JOIN = "In from AD - User Join";

    /** "2*(5+3) is not the same as 2*5+3"; within the arithmetic level the reference's one-level rule holds. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2*5+3       | 13",
                "2+5*3       | 21",
                "2*(5+3)     | 16",
                "10-4-3      | 3",
                "100/10/5    | 2",
                "2+(5*3)     | 17",
                "1 - 2 * 3   | -3",
            })
    void arithmeticIsOneLevelLeftToRight(String source, long expected) {
        // given
        Expression expression = Expression.compile(source);

        // when
        Value result = expression.evaluate(MapEvaluationContext.empty());

        // then
        assertThat(result).isEqualTo(Value.of(expected));
    }

    /** "the * (multiplier) is not evaluated before - (subtraction)": the tree groups from the left. */
    @Test
    void multiplicationDoesNotBindTighterThanAddition() {
        // given
        String source = "2+5*3";

        // when
        Node tree = Expression.compile(source).ast();

        // then
        assertThat(AstPrinter.sexpr(tree)).isEqualTo("(* (+ (num 2) (num 5)) (num 3))");
    }

    /** Concatenation shares the arithmetic level: {@code 1 + 2 & "x"} is {@code (1 + 2) & "x"}. */
    @Test
    void concatenationSharesTheArithmeticLevel() {
        // given
        Expression expression = Expression.compile("1 + 2 & \"x\"");

        // when
        Value result = expression.evaluate(MapEvaluationContext.empty());

        // then
        assertThat(result).isEqualTo(Value.of("3x"));
    }

    /** Comparisons bind tighter than {@code &&}: {@code 1+2=3 && 2<3} is {@code ((1+2)=3) && (2<3)}. */
    @Test
    void comparisonsBindTighterThanLogicalAnd() {
        // given
        Expression expression = Expression.compile("1+2=3 && 2<3");

        // when
        Value result = expression.evaluate(MapEvaluationContext.empty());

        // then
        assertThat(result).isEqualTo(Value.TRUE);
        assertThat(AstPrinter.sexpr(expression.ast()))
                .isEqualTo("(&& (= (+ (num 1) (num 2)) (num 3)) (< (num 2) (num 3)))");
    }

    /**
     * "&& and || are never mixed without parentheses in shipped rules ... (choose && tighter than ||, C#-like)"
     * (notes §1.3): {@code True || False && False} is True; strictly from the left it would be False.
     */
    @Test
    void logicalAndBindsTighterThanLogicalOr() {
        // given
        Expression expression = Expression.compile("True || False && False");
        Expression leftToRight = Expression.compile(StrictLeftToRight.rewrite(expression.ast()));

        // when
        Value result = expression.evaluate(MapEvaluationContext.empty());
        Value strict = leftToRight.evaluate(MapEvaluationContext.empty());

        // then
        assertThat(result).isEqualTo(Value.TRUE);
        assertThat(leftToRight.source()).isEqualTo("((True || False) && False)");
        assertThat(strict).isEqualTo(Value.FALSE);
    }

    /**
     * The shipped {@code cloudFiltered} flow (taken from the exported XML) is a chain of ten {@code ||}
     * alternatives, each comparison an alternative of its own: "IsPresent([isCriticalSystemObject]) ||
     * IsPresent([sAMAccountName]) = False || [sAMAccountName] = "SUPPORT_388945a0" || ...".
     */
    @Test
    void cloudFilteredConditionIsAnOrOfTenAlternatives() {
        // given
        Node condition = cloudFilteredCondition();

        // when
        List<Node> alternatives = new ArrayList<>();
        splitOr(condition, alternatives);

        // then
        assertThat(alternatives).hasSize(10);
        assertThat(AstPrinter.sexpr(alternatives.get(0)))
                .isEqualTo("(call IsPresent (AttributeRef [isCriticalSystemObject]))");
        assertThat(AstPrinter.sexpr(alternatives.get(1)))
                .isEqualTo("(= (call IsPresent (AttributeRef [sAMAccountName])) (BooleanLiteral False))");
        assertThat(AstPrinter.sexpr(alternatives.get(2)))
                .isEqualTo("(= (AttributeRef [sAMAccountName]) (StringLiteral \"SUPPORT_388945a0\"))");
        assertThat(alternatives)
                .noneSatisfy(a -> assertThat(a).isInstanceOfSatisfying(Node.Binary.class, b -> assertThat(b.operator())
                        .isEqualTo(Operator.OR)));
    }

    /** Under the project's precedence an ordinary user is not filtered: the flow contributes NULL. */
    @Test
    void cloudFilteredGivesNullForAnOrdinaryUser() {
        // given
        Expression flow = Expression.compile(cloudFilteredSource());

        // when
        Value result = flow.evaluate(ordinaryUser());

        // then
        assertThat(result).isEqualTo(Value.NULL);
    }

    /**
     * Read strictly from the left, the chain becomes {@code (((IsPresent(..) || IsPresent(..)) = False) ||
     * [sAMAccountName]) = "SUPPORT_388945a0" ...}: the ordinary user's {@code sAMAccountName} "jdoe" becomes an
     * operand of {@code ||}, and the flow fails on the object (a sync error on every ordinary user) instead of
     * contributing NULL.
     *
     * <p>So the strict reading does flag every ordinary user, but with an error rather than with True:
     * {@code False || "jdoe"} is a TYPE_MISMATCH under Joinery's types, as {@code False Or "jdoe"} is in VBA.
     * Were non-empty text read as True, every {@code (...) = "text"} step would compare a Boolean with text and
     * give False, and only the last two alternatives ({@code CBool(...)}) would still count: ordinary users would
     * pass, and so would the support, MSOL_ and AAD_ accounts. docs/expression-language.md's "would ... filter
     * every ordinary user out of the cloud" describes the outcome loosely.
     */
    @Test
    void strictLeftToRightReadingFlagsAnOrdinaryUserWithAnError() {
        // given
        Expression strict = Expression.compile(StrictLeftToRight.rewrite(Parser.parse(cloudFilteredSource())));

        // when
        EvaluationException error =
                catchThrowableOfType(EvaluationException.class, () -> strict.evaluate(ordinaryUser()));

        // then
        assertThat(strict.source())
                .contains("((((IsPresent([isCriticalSystemObject]) || IsPresent([sAMAccountName])) = False)"
                        + " || [sAMAccountName]) = \"SUPPORT_388945a0\")");
        assertThat(error).isNotNull();
        assertThat(error.code()).isEqualTo(EvaluationException.Code.TYPE_MISMATCH);
        assertThat(error.problem()).contains("'||'").contains("jdoe");
    }

    /**
     * The first two alternatives alone, for a critical system object that has a sAMAccountName (krbtgt): the
     * project's reading filters it, the strict reading, {@code (True || True) = False}, lets it through.
     */
    @Test
    void strictLeftToRightReadingLetsACriticalSystemObjectThrough() {
        // given
        Node condition = cloudFilteredCondition();
        List<Object> chain = new ArrayList<>();
        StrictLeftToRight.flatten(condition, chain);
        String firstTwo = AstPrinter.print((Node) chain.get(0)) + " " + ((Operator) chain.get(1)).symbol() + " "
                + AstPrinter.print((Node) chain.get(2)) + " " + ((Operator) chain.get(3)).symbol() + " "
                + AstPrinter.print((Node) chain.get(4));
        Expression project = Expression.compile(firstTwo);
        Expression strict = Expression.compile(StrictLeftToRight.rewrite(project.ast()));
        MapEvaluationContext krbtgt = MapEvaluationContext.builder()
                .attribute("isCriticalSystemObject", Value.TRUE)
                .attribute("sAMAccountName", "krbtgt")
                .build();

        // when
        Value projectResult = project.evaluate(krbtgt);
        Value strictResult = strict.evaluate(krbtgt);

        // then
        assertThat(firstTwo).isEqualTo("IsPresent([isCriticalSystemObject]) || IsPresent([sAMAccountName]) = False");
        assertThat(projectResult).isEqualTo(Value.TRUE);
        assertThat(strictResult).isEqualTo(Value.FALSE);
    }

    static String cloudFilteredSource() {
        return RealRulesCorpus.load().expression(USER_JOIN, "cloudFiltered").expression();
    }

    private static Node cloudFilteredCondition() {
        Node iif = Parser.parse(cloudFilteredSource());
        assertThat(iif).isInstanceOf(Node.Call.class);
        return ((Node.Call) iif).arguments().get(0);
    }

    private static void splitOr(Node node, List<Node> out) {
        if (node instanceof Node.Binary b && b.operator() == Operator.OR) {
            splitOr(b.left(), out);
            splitOr(b.right(), out);
        } else {
            out.add(node);
        }
    }

    static MapEvaluationContext ordinaryUser() {
        return MapEvaluationContext.builder()
                .attribute("sAMAccountName", "jdoe")
                .attribute("mailNickname", "jdoe")
                .attribute("userPrincipalName", "jdoe@contoso.com")
                .attribute("dn", "CN=John Doe,OU=Users,DC=contoso,DC=com")
                .attribute("msExchRecipientTypeDetails", 1)
                .build();
    }
}
