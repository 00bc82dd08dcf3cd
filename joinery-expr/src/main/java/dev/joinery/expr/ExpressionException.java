package dev.joinery.expr;

/** The root of the language's two failures: an expression that does not compile, and one that fails on an object. */
public abstract sealed class ExpressionException extends RuntimeException
        permits ExpressionSyntaxException, EvaluationException {
    private static final long serialVersionUID = 1L;

    ExpressionException(String message) {
        super(message);
    }
}
