package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.Param.SCALAR;
import static dev.joinery.expr.eval.Param.VARIABLE;
import static dev.joinery.expr.eval.Param.WHOLE;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The Program flow functions, and {@code ImportedValue}. {@code IIF} and {@code Switch} evaluate only the value
 * they return, so that {@code IIF(IsPresent([a]),[a],Error("..."))} fails only when [a] is absent.
 */
final class ProgramFlowFunctions {
    private ProgramFlowFunctions() {}

    private static final String CATEGORY = "Program flow";

    static void register(FunctionLibrary.Builder b) {
        b.function("Error", CATEGORY, "void Error(str ErrorMessage)")
                .args(SCALAR)
                .strict((s, a, f) -> {
                    String message = a[0].isNull() ? "" : Coerce.str(s, 0, a[0]);
                    throw new EvaluationException(Code.ERROR_FUNCTION_TRIGGERED, message, s.span);
                });
        b.function("IIF", CATEGORY, "var IIF(exp condition, var valueIfTrue, var valueIfFalse)")
                .args(SCALAR, SCALAR, SCALAR)
                .lazy(s -> {
                    Evaluator condition = s.args[0];
                    Evaluator whenTrue = s.args[1];
                    Evaluator whenFalse = s.args[2];
                    return frame ->
                            condition(s, 0, condition.eval(frame)) ? whenTrue.eval(frame) : whenFalse.eval(frame);
                });
        // "If the parts aren't properly paired, a run-time error occurs": Joinery finds it when compiling.
        // "Switch evaluates all expressions, even though it returns only one of them": every condition is
        // evaluated (a failing one fails the call), but only the value of the first true one, so the
        // reference's own example ending in "True, Error(\"Unknown city\")" works.
        b.function("Switch", CATEGORY, "var Switch(exp expr1, var value1[, exp expr2, var value2 ...])")
                .args(SCALAR, SCALAR)
                .variadic()
                .validate(s -> s.argCount() % 2 == 0
                        ? null
                        : new FunctionSpec.Problem(
                                s.argCount() - 1,
                                "the parts aren't properly paired: " + s.argCount()
                                        + " arguments, an even number is needed"))
                .lazy(s -> frame -> {
                    int chosen = -1;
                    for (int i = 0; i < s.args.length; i += 2) {
                        boolean c = condition(s, i, s.args[i].eval(frame));
                        if (c && chosen < 0) {
                            chosen = i + 1;
                        }
                    }
                    return chosen < 0 ? Value.NULL : s.args[chosen].eval(frame);
                });
        b.function("Select", CATEGORY, "mvattr Select(variable item, mvattr attribute, func function)")
                .args(VARIABLE, WHOLE, WHOLE)
                .lazy(s -> frame -> each(s, frame, false));
        b.function("Where", CATEGORY, "mvattr Where(variable item, mvattr attribute, exp condition)")
                .args(VARIABLE, WHOLE, WHOLE)
                .lazy(s -> frame -> each(s, frame, true));
        b.function("With", CATEGORY, "var With(var variable, exp subExpression, exp complexExpression)")
                .args(VARIABLE, WHOLE, WHOLE)
                .lazy(s -> frame -> {
                    int slot = s.variableSlots[0];
                    Value value = s.args[1].eval(frame);
                    Value saved = frame.slots[slot];
                    frame.slots[slot] = value;
                    try {
                        return s.args[2].eval(frame);
                    } finally {
                        frame.slots[slot] = saved;
                    }
                });
        // "ImportedValue returns only values exported and confirmed during import from the connected directory."
        b.function("ImportedValue", CATEGORY, "var ImportedValue(str attributeName)")
                .args(SCALAR)
                .strict((s, a, f) -> f.context.importedValue(Coerce.str(s, 0, a[0])));
    }

    /** A condition's truth: NULL is False; a value that is neither Boolean nor number is a type mismatch. */
    static boolean condition(Site s, int index, Value v) {
        if (v instanceof Value.Multi) {
            throw s.error(
                    Code.TYPE_MISMATCH,
                    "argument " + (index + 1) + " must be one Boolean, but is multi-valued " + Coerce.describe(v));
        }
        return Coerce.bool(s, index, v);
    }

    /** Select maps each value through the function, Where keeps the values whose condition is true. */
    private static Value each(Site s, Frame frame, boolean filter) {
        int slot = s.variableSlots[0];
        List<Value> values = MultiValuedFunctions.values(s.args[1].eval(frame));
        List<Value> out = new ArrayList<>(values.size());
        Value saved = frame.slots[slot];
        try {
            for (Value v : values) {
                frame.slots[slot] = v;
                Value r = s.args[2].eval(frame);
                if (!filter) {
                    out.add(r);
                } else if (condition(s, 2, r)) {
                    out.add(v);
                }
            }
        } finally {
            frame.slots[slot] = saved;
        }
        return Value.multi(out);
    }
}
