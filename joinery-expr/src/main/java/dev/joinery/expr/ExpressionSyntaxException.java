package dev.joinery.expr;

/**
 * An expression that cannot be compiled: a lexical or syntax error, an unknown function, constant or parameter
 * form, or a call with the wrong number of arguments. The message names line, column and what was expected,
 * and shows the source line with a caret under the spot.
 */
public final class ExpressionSyntaxException extends ExpressionException {
    private static final long serialVersionUID = 1L;

    private final transient SourceSpan span;
    private final String problem;

    public ExpressionSyntaxException(String problem, SourceSpan span, String source) {
        super(format(problem, span, source));
        this.problem = problem;
        this.span = span;
    }

    private static String format(String problem, SourceSpan span, String source) {
        return "line " + span.line() + ", column " + span.column() + ": " + problem + "\n" + span.excerpt(source);
    }

    /** The problem alone, without position or excerpt. */
    public String problem() {
        return problem;
    }

    public SourceSpan span() {
        return span;
    }

    public int line() {
        return span.line();
    }

    public int column() {
        return span.column();
    }
}
