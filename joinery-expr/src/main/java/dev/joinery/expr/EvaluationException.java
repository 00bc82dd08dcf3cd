package dev.joinery.expr;

/**
 * An expression failed on one object: {@code Error("...")} was called, a value had the wrong type, an index
 * was out of range, and so on. The engine reports it for that object with the rule and attribute and goes on
 * with the run; nothing else is thrown by evaluation.
 */
public final class EvaluationException extends ExpressionException {
    private static final long serialVersionUID = 1L;

    /** Stable codes, used alike in logs, CLI output and API error bodies. All are permanent for the object. */
    public enum Code {
        /** {@code Error("message")} was evaluated ("sync-rule-error-function-triggered" in the reference). */
        ERROR_FUNCTION_TRIGGERED,
        /** An argument or operand had a type the function or operator does not accept. */
        TYPE_MISMATCH,
        /** {@code Item} with an index outside the values, and similar. */
        INDEX_OUT_OF_RANGE,
        /** An argument has the right type but a value the function cannot use. */
        INVALID_ARGUMENT,
        DIVISION_BY_ZERO,
        /** Integer arithmetic overflowed 64 bits. */
        OVERFLOW,
        /** A {@code %Name%} parameter that the connector does not define. */
        UNKNOWN_PARAMETER
    }

    private final Code code;
    private final transient SourceSpan span;
    private final String problem;

    public EvaluationException(Code code, String problem, SourceSpan span) {
        super(code + " at line " + span.line() + ", column " + span.column() + ": " + problem);
        this.code = code;
        this.problem = problem;
        this.span = span;
    }

    public Code code() {
        return code;
    }

    /** The problem alone, without code or position. */
    public String problem() {
        return problem;
    }

    public SourceSpan span() {
        return span;
    }

    /** The message with the source line and a caret under the failing part. */
    public String describe(String source) {
        return getMessage() + "\n" + span.excerpt(source);
    }
}
