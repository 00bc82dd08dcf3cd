package dev.joinery.expr;

import dev.joinery.expr.ast.AstPrinter;
import dev.joinery.expr.ast.Node;
import dev.joinery.expr.eval.CompiledExpression;
import dev.joinery.expr.parse.Parser;
import java.util.Objects;

/**
 * A compiled sync-rule expression: parse and compile once, evaluate for many objects.
 *
 * <pre>{@code
 * Expression upn = Expression.compile(
 *         "IIF(IsPresent([userPrincipalName]),[userPrincipalName],[sAMAccountName] & \"@\" & %Domain.FQDN%)");
 * Value v = upn.evaluate(MapEvaluationContext.builder()
 *         .attribute("sAMAccountName", "jdoe")
 *         .parameter("Domain.FQDN", "contoso.com")
 *         .build());   // "jdoe@contoso.com"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; evaluations may run concurrently, each with its own context.
 */
public final class Expression {
    private final String source;
    private final Node ast;
    private final CompiledExpression compiled;

    private Expression(String source, Node ast, CompiledExpression compiled) {
        this.source = source;
        this.ast = ast;
        this.compiled = compiled;
    }

    /**
     * Parses and compiles.
     *
     * @param source the expression text, never null
     * @throws ExpressionSyntaxException on a syntax error, an unknown function or constant, an unbound
     *     variable or a wrong number of arguments; the message names line and column
     */
    public static Expression compile(String source) {
        Objects.requireNonNull(source, "source");
        Node ast = Parser.parse(source);
        return new Expression(source, ast, CompiledExpression.of(ast, source));
    }

    /**
     * Evaluates for one object.
     *
     * @return the value, never Java null: {@link Value#NULL} when there is nothing to contribute
     * @throws EvaluationException when the expression fails on this object ({@code Error()}, a type mismatch,
     *     an index out of range, an undefined parameter); nothing else is thrown
     */
    public Value evaluate(EvaluationContext context) {
        Objects.requireNonNull(context, "context");
        return compiled.evaluate(context);
    }

    /** The text this expression was compiled from. */
    public String source() {
        return source;
    }

    /** The syntax tree. */
    public Node ast() {
        return ast;
    }

    /** Canonical text that compiles to the same tree. */
    public String print() {
        return AstPrinter.print(ast);
    }

    @Override
    public String toString() {
        return source;
    }
}
