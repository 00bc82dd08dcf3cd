package dev.joinery.expr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Expression;
import dev.joinery.expr.ExpressionSyntaxException;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shared helpers of the function and semantics tests: compile and evaluate in one step, build values and
 * contexts, catch the two failures. Every context has a fixed clock and a seeded random, so that runs repeat.
 */
final class FunctionTestSupport {
    private FunctionTestSupport() {}

    /** The seed of every random source these tests use; failures name it through {@link #SEED}. */
    static final long SEED = 20240611L;

    static final Instant NOW = Instant.parse("2024-06-11T08:30:00Z");

    /** A context builder with a fixed clock and a random seeded with {@link #SEED}. */
    static MapEvaluationContext.Builder ctx() {
        return MapEvaluationContext.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .random(new SplittableRandom(SEED));
    }

    /** Evaluates an expression that reads no attribute. */
    static Value eval(String source) {
        return eval(source, ctx());
    }

    static Value eval(String source, MapEvaluationContext.Builder context) {
        return Expression.compile(source).evaluate(context.build());
    }

    /** The evaluation failure of an expression; fails the test when it does not fail. */
    static EvaluationException evalError(String source) {
        return evalError(source, ctx());
    }

    static EvaluationException evalError(String source, MapEvaluationContext.Builder context) {
        Expression compiled = Expression.compile(source);
        EvaluationException e =
                catchThrowableOfType(EvaluationException.class, () -> compiled.evaluate(context.build()));
        assertThat(e).as("evaluating %s must fail", source).isNotNull();
        return e;
    }

    /** The compile failure of an expression; fails the test when it compiles. */
    static ExpressionSyntaxException compileError(String source) {
        ExpressionSyntaxException e =
                catchThrowableOfType(ExpressionSyntaxException.class, () -> Expression.compile(source));
        assertThat(e).as("compiling %s must fail", source).isNotNull();
        return e;
    }

    static Value str(String value) {
        return Value.of(value);
    }

    /** A multi-valued string value. */
    static Value.Multi strs(String... values) {
        List<Value> list = new ArrayList<>();
        for (String v : values) {
            list.add(Value.of(v));
        }
        return Value.multi(list);
    }

    /** A binary value from its bytes written as 0..255. */
    static Value.Bin bin(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Value.ofBytes(b);
    }

    /** A binary value from hexadecimal text. */
    static Value.Bin hex(String hex) {
        return Value.ofBytes(HexFormat.of().parseHex(hex));
    }

    /** The texts of a multi-valued result; fails the test when it is not multi-valued. */
    static List<String> texts(Value v) {
        assertThat(v).isInstanceOf(Value.Multi.class);
        List<String> out = new ArrayList<>();
        for (Value each : ((Value.Multi) v).values()) {
            out.add(each.toString());
        }
        return out;
    }
}
