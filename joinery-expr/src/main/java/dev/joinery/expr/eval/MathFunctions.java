package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.Param.SCALAR;

import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.Value;

/** The Math functions; numbers are 64-bit integers, so BitAnd of a negative groupType works as in .NET. */
final class MathFunctions {
    private MathFunctions() {}

    private static final String CATEGORY = "Math";

    static void register(FunctionLibrary.Builder b) {
        b.function("BitAnd", CATEGORY, "num BitAnd(num value1, num value2)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> a[0].isNull() || a[1].isNull()
                        ? Value.NULL
                        : Value.of(Coerce.num(s, 0, a[0]) & Coerce.num(s, 1, a[1])));
        b.function("BitOr", CATEGORY, "num BitOr(num value1, num value2)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> a[0].isNull() || a[1].isNull()
                        ? Value.NULL
                        : Value.of(Coerce.num(s, 0, a[0]) | Coerce.num(s, 1, a[1])));
        // "returns a random number in the interval": both ends included.
        b.function("RandomNum", CATEGORY, "num RandomNum(num start, num end)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> {
                    long start = Coerce.num(s, 0, a[0]);
                    long end = Coerce.num(s, 1, a[1]);
                    if (start > end) {
                        throw s.error(Code.INVALID_ARGUMENT, "start " + start + " is after end " + end);
                    }
                    if (end == Long.MAX_VALUE) {
                        throw s.error(Code.INVALID_ARGUMENT, "end is too large");
                    }
                    return Value.of(f.context.random().nextLong(start, end + 1));
                });
    }
}
