package dev.joinery.expr.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Expression;
import dev.joinery.expr.ExpressionSyntaxException;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import dev.joinery.expr.ast.AstPrinter;
import dev.joinery.expr.ast.Node;
import dev.joinery.expr.conformance.RealRulesCorpus.RuleExpression;
import dev.joinery.expr.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expression of the 62 real out-of-box rules parses, compiles, prints back to the same tree and
 * evaluates against generated objects.
 *
 * <p>The notes (aadc-semantics-notes.md §1.10): "35 distinct after removing 295 plain {@code Trim([attr])}
 * flows; 391 expressions total in 62 rules". Appendix B: "each is verbatim from the 2016 export
 * (XML-unescaped). All must parse."
 */
class RealRulesCorpusTest {
    /** The seed of the generated objects; {@code -Djoinery.seed=...} replays another run. */
    private static final long SEED = Long.getLong("joinery.seed", 0x5EED_2016_0503L);

    private static final int OBJECTS_PER_EXPRESSION = 12;
    private static final Pattern PLAIN_TRIM = Pattern.compile("Trim\\(\\[[^\\]]+\\]\\)");

    static Stream<RuleExpression> expressions() {
        return RealRulesCorpus.load().expressions().stream();
    }

    /** "391 expressions total in 62 rules" (notes §1.10). */
    @Test
    void corpusHoldsThe391ExpressionsOfThe62Rules() {
        // given
        RealRulesCorpus corpus = RealRulesCorpus.load();

        // when
        List<RuleExpression> all = corpus.expressions();

        // then
        assertThat(corpus.ruleCount()).isEqualTo(62);
        assertThat(all).hasSize(391);
        assertThat(all).allSatisfy(e -> assertThat(e.expression()).isNotBlank());
    }

    /**
     * "35 distinct after removing 295 plain Trim([attr]) flows" (notes §1.10): the 295 is the number of Trim
     * calls (the function frequency "Trim 295"), of which 268 are whole plain {@code Trim([attr])} flows and 27
     * sit inside larger expressions; the remaining 123 flows hold 41 distinct texts, which Appendix B condenses
     * to 35 by listing once the variants that differ only in the attribute read.
     */
    @Test
    void corpusSplitsInto268PlainTrimFlowsAnd41DistinctOthers() {
        // given
        List<RuleExpression> all = RealRulesCorpus.load().expressions();

        // when
        long plainTrim = all.stream()
                .filter(e -> PLAIN_TRIM.matcher(e.expression()).matches())
                .count();
        Set<String> distinctOthers = all.stream()
                .map(RuleExpression::expression)
                .filter(x -> !PLAIN_TRIM.matcher(x).matches())
                .collect(Collectors.toSet());
        long trimCalls = all.stream()
                .mapToLong(e -> Pattern.compile("\\bTrim\\(")
                        .matcher(e.expression())
                        .results()
                        .count())
                .sum();

        // then
        assertThat(plainTrim).isEqualTo(268);
        assertThat(trimCalls).isEqualTo(295);
        assertThat(distinctOthers).hasSize(41);
    }

    /**
     * Scoping filters and join rules are attribute comparisons, not expressions; the one exception is a
     * parameter as scoping value: "parameters also allowed as a scoping value (contributingConnectorExchange
     * EQUAL %Connector.ID% in "Out to AD - InetOrgPerson Exchange Hybrid")" (notes §1.6).
     */
    @Test
    void scopingAndJoinConditionsHoldNoExpressionOnlyOneParameter() {
        // given
        RealRulesCorpus corpus = RealRulesCorpus.load();

        // when
        List<RealRulesCorpus.ScopeCondition> withSyntax = corpus.scopes().stream()
                .filter(s -> s.value().matches(".*[\\[\\]%()\"&|=].*"))
                .toList();

        // then
        assertThat(withSyntax).singleElement().satisfies(s -> {
            assertThat(s.ruleName()).isEqualTo("Out to AD - InetOrgPerson Exchange Hybrid");
            assertThat(s.value()).isEqualTo("%Connector.ID%");
            assertThat(AstPrinter.sexpr(Parser.parse(s.value()))).isEqualTo("(ParameterRef %Connector.ID%)");
        });
        assertThat(corpus.joins()).isNotEmpty().allSatisfy(j -> assertThat(j.csAttribute() + j.mvAttribute())
                .matches("[A-Za-z0-9-]+"));
    }

    /**
     * Appendix B: "Distinct non-trivial expressions from the out-of-box rules ... Numbered for reference; each is
     * verbatim from the 2016 export (XML-unescaped). All must parse." Each of the 35 is found in the export.
     */
    @Test
    void appendixBNumbersThirtyFiveExpressionsAllVerbatimFromTheExport() {
        // given
        Set<String> exported = RealRulesCorpus.load().expressions().stream()
                .map(RuleExpression::expression)
                .collect(Collectors.toSet());

        // when
        List<String> numbered = AppendixB.numbered();

        // then
        assertThat(numbered).hasSize(35);
        assertThat(exported).containsAll(numbered);
    }

    /**
     * Appendix B: "Additional expressions from the newer (v2-era) OOB export (must also parse; note newlines
     * inside)": each complete one compiles, the multi-line one included.
     */
    @Test
    void appendixBNewerExpressionsCompile() {
        // given
        List<String> newer = AppendixB.newer();

        // when / then
        assertThat(newer).hasSizeGreaterThanOrEqualTo(5).anySatisfy(x -> assertThat(x)
                .contains("\n"));
        assertThat(newer)
                .allSatisfy(
                        x -> assertThatCode(() -> Expression.compile(x)).as(x).doesNotThrowAnyException());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void expressionParses(RuleExpression flow) {
        // given
        String source = flow.expression();

        // when / then
        assertThatCode(() -> Parser.parse(source)).as(describe(flow)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void expressionCompilesWithEveryFunctionKnown(RuleExpression flow) {
        // given
        String source = flow.expression();

        // when
        Expression compiled = compileOrFail(flow);

        // then
        assertThat(compiled.source()).isEqualTo(source);
    }

    /** "Canonical text that compiles to the same tree" ({@code Expression.print()}), and printing is idempotent. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void printedTextParsesToTheSameTreeAndPrintsIdentically(RuleExpression flow) {
        // given
        Node tree = Parser.parse(flow.expression());

        // when
        String printed = AstPrinter.print(tree);
        Node reparsed = Parser.parse(printed);

        // then
        assertThat(AstPrinter.sexpr(reparsed)).as(describe(flow)).isEqualTo(AstPrinter.sexpr(tree));
        assertThat(AstPrinter.print(reparsed)).as("printing is idempotent").isEqualTo(printed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void printedTextCompilesToTheSameTree(RuleExpression flow) {
        // given
        Expression compiled = compileOrFail(flow);

        // when
        Expression again = Expression.compile(compiled.print());

        // then
        assertThat(AstPrinter.sexpr(again.ast())).isEqualTo(AstPrinter.sexpr(compiled.ast()));
        assertThat(again.print()).isEqualTo(compiled.print());
    }

    /**
     * Evaluation ends in a value, or in an EvaluationException only where the expression calls
     * {@code Error(...)} ("void Error(str) raises a per-object sync error (run shows
     * sync-rule-error-function-triggered)", notes §1.4).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void expressionEvaluatesAgainstGeneratedObjects(RuleExpression flow) {
        // given
        Expression compiled = compileOrFail(flow);
        Set<String> attributes = RealRulesCorpus.attributesReadBy(compiled.ast());
        boolean callsError = RealRulesCorpus.functionsCalledBy(compiled.ast()).contains("Error");
        long seed = SEED ^ flow.file().hashCode() * 31L ^ flow.destination().hashCode();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < OBJECTS_PER_EXPRESSION; i++) {
            MapEvaluationContext object = GeneratedObjects.generate(random, flow.sourceObjectType(), attributes);

            // when
            try {
                Value result = compiled.evaluate(object);

                // then
                if (result == null) {
                    failures.add("object " + i + ": evaluate returned Java null for " + show(object, attributes));
                }
            } catch (EvaluationException e) {
                if (!(callsError && e.code() == EvaluationException.Code.ERROR_FUNCTION_TRIGGERED)) {
                    failures.add("object " + i + ": " + e.getMessage() + " for " + show(object, attributes));
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(
                        "object " + i + ": " + e + " (not an EvaluationException) for " + show(object, attributes));
            }
        }

        assertThat(failures)
                .as("%s, seed %d (replay with -Djoinery.seed=%d)", describe(flow), seed, SEED)
                .isEmpty();
    }

    private static Expression compileOrFail(RuleExpression flow) {
        try {
            return Expression.compile(flow.expression());
        } catch (ExpressionSyntaxException e) {
            return fail(describe(flow) + " does not compile: " + e.getMessage());
        }
    }

    private static String describe(RuleExpression flow) {
        return "\"" + flow.ruleName() + "\" -> " + flow.destination() + " (" + flow.file() + "): " + flow.expression();
    }

    private static String show(MapEvaluationContext object, Set<String> attributes) {
        return attributes.stream()
                .map(a -> {
                    Value v = object.attribute(a);
                    return a + "=" + (v.isNull() ? "<absent>" : v.type().label() + ":" + v);
                })
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
