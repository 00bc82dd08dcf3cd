package dev.joinery.expr.eval;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.SourceSpan;

/**
 * One call of a function as the compiler sees it: the name, where it stands, its compiled arguments, the
 * slots of the variables it binds and the options it was given. Functions build their evaluator from it.
 */
final class Site {
    final String name;
    final SourceSpan span;
    final Evaluator[] args;
    final int[] variableSlots;
    final String[] options;

    Site(String name, SourceSpan span, Evaluator[] args, int[] variableSlots, String[] options) {
        this.name = name;
        this.span = span;
        this.args = args;
        this.variableSlots = variableSlots;
        this.options = options;
    }

    int argCount() {
        return args.length;
    }

    EvaluationException error(EvaluationException.Code code, String problem) {
        return new EvaluationException(code, name + ": " + problem, span);
    }

    /** A type mismatch for argument {@code index} (0-based). */
    EvaluationException typeMismatch(int index, String expected, dev.joinery.expr.Value actual) {
        return error(
                EvaluationException.Code.TYPE_MISMATCH,
                "argument " + (index + 1) + " must be " + expected + ", but is " + Coerce.describe(actual));
    }
}
