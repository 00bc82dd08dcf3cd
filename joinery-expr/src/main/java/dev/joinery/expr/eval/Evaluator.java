package dev.joinery.expr.eval;

import dev.joinery.expr.Value;

/**
 * A compiled piece of an expression. The compiler turns the syntax tree into a tree of evaluators once;
 * evaluation then does no parsing, no reflection and no lookup by function name.
 */
@FunctionalInterface
interface Evaluator {
    /** Evaluates against the frame; returns a value (never Java null) or throws EvaluationException. */
    Value eval(Frame frame);
}
