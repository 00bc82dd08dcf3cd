package dev.joinery.expr.ast;

/**
 * The binary operators and their binding strength (higher binds tighter).
 *
 * <p>The reference says "Operators are evaluated left to right and have the same evaluation priority", but
 * Microsoft's shipped rules, such as the {@code cloudFiltered} flow of "In from AD - User Join", write
 * {@code IsPresent([a]) || IsPresent([b]) = False || [c] = "x"} and only mean what they say when comparisons
 * bind tighter than {@code ||}. Joinery therefore uses four levels: {@code ||}, then {@code &&}, then the
 * comparisons, then {@code & + - * /} together, which keep the reference's one-level, left-to-right rule
 * ({@code 2*5+3} is 13, and {@code 2+5*3} is 21, not 17). See {@code docs/expression-language.md}.
 */
public enum Operator {
    OR("||", 1),
    AND("&&", 2),
    EQ("=", 3),
    NE("<>", 3),
    LT("<", 3),
    LE("<=", 3),
    GT(">", 3),
    GE(">=", 3),
    CONCAT("&", 4),
    ADD("+", 4),
    SUBTRACT("-", 4),
    MULTIPLY("*", 4),
    DIVIDE("/", 4);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    public boolean isComparison() {
        return precedence == 3;
    }
}
