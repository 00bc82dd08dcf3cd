package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.FunctionTestSupport.bin;
import static dev.joinery.expr.eval.FunctionTestSupport.ctx;
import static dev.joinery.expr.eval.FunctionTestSupport.eval;
import static dev.joinery.expr.eval.FunctionTestSupport.evalError;
import static dev.joinery.expr.eval.FunctionTestSupport.strs;
import static dev.joinery.expr.eval.FunctionTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.Expression;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BitAnd, BitOr and RandomNum. */
class MathFunctionsTest {

    @Nested
    class Bits {
        /**
         * BitAnd "returns 0 in all cases except when the corresponding bits of both parameters are 1"; BitOr
         * "returns 1 in all cases except where the corresponding bits of both parameters are 0."
         */
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "BitAnd(&HF, &HF7)                     | 7",
                    "BitOr(&HF, &HF7)                      | 255",
                    "BitAnd(0, -1)                         | 0",
                    "BitOr(0, 0)                           | 0",
                    "BitAnd(\"514\", 2)                    | 2",
                    "BitAnd(\"&H202\", \"&H2\")            | 2",
                    "BitAnd(-2147483646, -2147483648)      | -2147483648",
                    "BitOr(-2147483648, 2)                 | -2147483646",
                    "BitAnd([msExchRecipientTypeDetails], &H21C07000) | 4096",
                })
        void combineBits(String expression, long expected) {
            MapEvaluationContext.Builder context = ctx().attribute("msExchRecipientTypeDetails", "4097");

            assertThat(eval(expression, context)).isEqualTo(Value.of(expected));
        }

        /** DEFCFG: userAccountControl 512 is an enabled account, 514 a disabled one. */
        @ParameterizedTest(name = "userAccountControl {0}: accountEnabled {1}")
        @CsvSource({"512, true", "514, false", "66048, true", "66050, false"})
        void shippedAccountEnabledFlowReadsTextAttributes(String userAccountControl, boolean enabled) {
            String flow = "IIF(BitAnd([userAccountControl],2)=0,True,False)";

            assertThat(eval(flow, ctx().attribute("userAccountControl", userAccountControl)))
                    .isEqualTo(Value.of(enabled));
            assertThat(eval(flow, ctx().attribute("userAccountControl", Long.parseLong(userAccountControl))))
                    .isEqualTo(Value.of(enabled));
        }

        /**
         * The shipped {@code CBool(IIF(IsPresent([msExchRecipientTypeDetails]),BitAnd([msExchRecipientTypeDetails],
         * &H21C07000) > 0,NULL))} must work when the attribute is absent.
         */
        @Test
        void ofNullIsNull() {
            assertThat(eval("BitAnd([absent], 2)")).isEqualTo(Value.NULL);
            assertThat(eval("BitOr(2, NULL)")).isEqualTo(Value.NULL);
            assertThat(eval("CBool(IIF(IsPresent([x]),BitAnd([x],&H21C07000) > 0,NULL))"))
                    .isEqualTo(Value.FALSE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"BitAnd(\"enabled\", 2)", "BitOr(2, [b])", "BitAnd(2, \"1.5\")"})
        void refuseWhatIsNoNumber(String expression) {
            EvaluationException e = evalError(expression, ctx().attribute("b", bin(1)));

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).containsPattern("Bit(And|Or): argument [12] must be num");
        }

        @Test
        void applyToEveryValue() {
            assertThat(texts(eval("BitAnd([mv], 3)", ctx().attribute("mv", strs("1", "6", "8")))))
                    .containsExactly("1", "2", "0");
        }
    }

    @Nested
    class RandomNum {
        /**
         * "start: a number identifying the lower limit of the random value to generate; end: a number identifying
         * the upper limit": both limits can be drawn.
         */
        @Test
        void drawsBetweenBothLimitsInclusive() {
            MapEvaluationContext context = ctx().build();
            Expression random = Expression.compile("RandomNum(1, 3)");
            TreeSet<Long> seen = new TreeSet<>();
            for (int i = 0; i < 300; i++) {
                seen.add(((Value.Int) random.evaluate(context)).value());
            }

            assertThat(seen).as("seed %s", FunctionTestSupport.SEED).containsExactly(1L, 2L, 3L);
        }

        /** The reference's (misnamed) example {@code Random(100,999)} "Can return 734". */
        @Test
        void staysWithinTheDocumentedExampleInterval() {
            MapEvaluationContext context = ctx().build();
            Expression random = Expression.compile("RandomNum(100, 999)");
            for (int i = 0; i < 500; i++) {
                assertThat(((Value.Int) random.evaluate(context)).value())
                        .as("seed %s, draw %s", FunctionTestSupport.SEED, i)
                        .isBetween(100L, 999L);
            }
        }

        @Test
        void repeatsWithTheSameSeed() {
            Expression random = Expression.compile("RandomNum(1, 1000000)");

            assertThat(draws(random, FunctionTestSupport.SEED)).isEqualTo(draws(random, FunctionTestSupport.SEED));
            assertThat(draws(random, FunctionTestSupport.SEED))
                    .isNotEqualTo(draws(random, FunctionTestSupport.SEED + 1));
        }

        private List<Value> draws(Expression random, long seed) {
            MapEvaluationContext context =
                    ctx().random(new SplittableRandom(seed)).build();
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                out.add(random.evaluate(context));
            }
            return out;
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "RandomNum(5, 5)           | 5",
                    "RandomNum(-3, -3)         | -3",
                    "RandomNum(\"7\", \"7\")   | 7",
                })
        void givesTheOnlyValueOfAOneValueInterval(String expression, long expected) {
            assertThat(eval(expression)).isEqualTo(Value.of(expected));
        }

        @Test
        void refusesAStartAfterTheEnd() {
            EvaluationException e = evalError("RandomNum(10, 1)");

            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("RandomNum", "10", "1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"RandomNum(NULL, 5)", "RandomNum(1, \"ten\")"})
        void refusesWhatIsNoNumber(String expression) {
            EvaluationException e = evalError(expression);

            assertThat(e.code()).isEqualTo(Code.TYPE_MISMATCH);
            assertThat(e.getMessage()).contains("RandomNum");
        }
    }
}
