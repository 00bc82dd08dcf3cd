package dev.joinery.expr.parse;

import dev.joinery.expr.ExpressionSyntaxException;
import dev.joinery.expr.SourceSpan;
import dev.joinery.expr.ast.Node;
import dev.joinery.expr.ast.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses expression text into a {@link Node} tree, or throws {@link ExpressionSyntaxException}; nothing else.
 * Binding strength is in {@link Operator}; operators of one level associate to the left.
 *
 * <p>Stateless and thread-safe: each call parses on its own.
 */
public final class Parser {
    /** Deeper nesting of parentheses and calls than this is refused rather than risking the stack. */
    static final int MAX_DEPTH = 200;
    /** A deeper tree (long operator chains deepen it too) is refused: compiling and printing recurse on it. */
    static final int MAX_TREE_DEPTH = 1000;

    private final String src;
    private final List<Token> tokens;
    private int index;
    private int depth;
    private final java.util.Map<Node, Integer> treeDepths = new java.util.IdentityHashMap<>();

    private Parser(String src) {
        this.src = src;
        this.tokens = new Lexer(src).tokens();
    }

    /**
     * Parses one expression.
     *
     * @param source the expression text, never null
     * @return the tree
     * @throws ExpressionSyntaxException naming line, column and what was expected
     */
    public static Node parse(String source) {
        Parser p = new Parser(source);
        if (p.peek().kind() == Token.Kind.EOF) {
            throw p.error(
                    "expected an expression, but the text is empty", p.peek().span());
        }
        Node node = p.expression();
        Token rest = p.peek();
        if (rest.kind() != Token.Kind.EOF) {
            String hint = rest.kind() == Token.Kind.RPAREN ? " (a ')' without its '(')" : "";
            throw p.error(
                    "expected an operator or the end of the expression, but found " + rest.describe() + hint,
                    rest.span());
        }
        return node;
    }

    private Node expression() {
        if (++depth > MAX_DEPTH) {
            throw error("the expression nests deeper than " + MAX_DEPTH + " levels", peek().span());
        }
        try {
            return binary(1);
        } finally {
            depth--;
        }
    }

    private Node binary(int minPrecedence) {
        Node left = unary();
        while (true) {
            Token t = peek();
            Operator op = operatorOf(t);
            if (op == null || op.precedence() < minPrecedence) {
                if (t.kind() == Token.Kind.IDENTIFIER && isWordOperator(t.text())) {
                    throw error(
                            "'" + t.text() + "' is not an operator here; use " + wordOperatorHint(t.text()), t.span());
                }
                return left;
            }
            index++;
            Node right = binary(op.precedence() + 1);
            left = deeper(new Node.Binary(op, left, right, t.span(), left.span().to(right.span())), left, right);
        }
    }

    private Node unary() {
        Token t = peek();
        if (t.kind() == Token.Kind.MINUS) {
            index++;
            if (++depth > MAX_DEPTH) {
                throw error("the expression nests deeper than " + MAX_DEPTH + " levels", t.span());
            }
            try {
                Node operand = unary();
                SourceSpan span = t.span().to(operand.span());
                if (operand instanceof Node.NumberLiteral n && !n.hex()) {
                    return new Node.NumberLiteral(-n.value(), false, span);
                }
                return deeper(new Node.Negate(operand, span), operand, operand);
            } finally {
                depth--;
            }
        }
        return primary();
    }

    private Node primary() {
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return new Node.StringLiteral(t.text(), t.span());
            case NUMBER:
                return new Node.NumberLiteral(t.number(), false, t.span());
            case HEX_NUMBER:
                return new Node.NumberLiteral(t.number(), true, t.span());
            case ATTRIBUTE:
                return new Node.AttributeRef(t.text(), t.span());
            case PARAMETER:
                return new Node.ParameterRef(t.text(), t.span());
            case VARIABLE:
                return new Node.VariableRef(t.text(), t.span());
            case LPAREN: {
                Node inner = expression();
                Token close = next();
                if (close.kind() != Token.Kind.RPAREN) {
                    throw error(
                            "expected ')' to close the '(' at line " + t.span().line() + ", column "
                                    + t.span().column() + ", but found " + close.describe(),
                            close.span());
                }
                return deeper(new Node.Group(inner, t.span().to(close.span())), inner, inner);
            }
            case IDENTIFIER:
                if (peek().kind() == Token.Kind.LPAREN) {
                    return call(t);
                }
                return word(t);
            default:
                throw error(
                        "expected a value, attribute, parameter or function call, but found " + t.describe(), t.span());
        }
    }

    private Node call(Token name) {
        Token open = next();
        List<Node> args = new ArrayList<>();
        if (peek().kind() == Token.Kind.RPAREN) {
            Token close = next();
            return new Node.Call(name.text(), args, name.span(), name.span().to(close.span()));
        }
        while (true) {
            if (peek().kind() == Token.Kind.COMMA || peek().kind() == Token.Kind.RPAREN) {
                throw error(
                        "expected argument " + (args.size() + 1) + " of " + name.text() + ", but found "
                                + peek().describe(),
                        peek().span());
            }
            args.add(expression());
            Token t = next();
            if (t.kind() == Token.Kind.RPAREN) {
                Node call = new Node.Call(
                        name.text(), args, name.span(), name.span().to(t.span()));
                int deepest = 0;
                for (Node a : args) {
                    deepest = Math.max(deepest, treeDepths.getOrDefault(a, 1));
                }
                return record(call, deepest + 1);
            }
            if (t.kind() != Token.Kind.COMMA) {
                throw error(
                        "expected ',' or ')' in the call of " + name.text() + " opened at line "
                                + open.span().line() + ", column " + open.span().column() + ", but found "
                                + t.describe(),
                        t.span());
            }
        }
    }

    private Node word(Token t) {
        String text = t.text();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
                return new Node.BooleanLiteral(true, t.span());
            case "false":
                return new Node.BooleanLiteral(false, t.span());
            case "null":
            case "nothing":
                return new Node.NullLiteral(Node.NullLiteral.Kind.NULL, t.span());
            case "authoritativenull":
                return new Node.NullLiteral(Node.NullLiteral.Kind.AUTHORITATIVE_NULL, t.span());
            case "ignorethisflow":
                return new Node.NullLiteral(Node.NullLiteral.Kind.IGNORE_THIS_FLOW, t.span());
            default:
                if (isWordOperator(text)) {
                    throw error("'" + text + "' is not an operator; use " + wordOperatorHint(text), t.span());
                }
                return new Node.Constant(text, t.span());
        }
    }

    private Node deeper(Node node, Node a, Node b) {
        return record(node, 1 + Math.max(treeDepths.getOrDefault(a, 1), treeDepths.getOrDefault(b, 1)));
    }

    private Node record(Node node, int treeDepth) {
        if (treeDepth > MAX_TREE_DEPTH) {
            throw error(
                    "the expression nests deeper than " + MAX_TREE_DEPTH
                            + " levels (a chain of that many operators counts as that deep)",
                    node.span());
        }
        treeDepths.put(node, treeDepth);
        return node;
    }

    private static boolean isWordOperator(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("and") || lower.equals("or") || lower.equals("not") || lower.equals("mod");
    }

    private static String wordOperatorHint(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "and" -> "'&&'";
            case "or" -> "'||'";
            case "not" -> "IIF(condition, False, True)";
            default -> "arithmetic operators + - * /";
        };
    }

    private static Operator operatorOf(Token t) {
        if (t.kind() == Token.Kind.MINUS) {
            return Operator.SUBTRACT;
        }
        if (t.kind() != Token.Kind.OPERATOR) {
            return null;
        }
        for (Operator op : Operator.values()) {
            if (op.symbol().equals(t.text())) {
                return op;
            }
        }
        throw new IllegalStateException("lexer produced an unknown operator " + t.text());
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.EOF) {
            index++;
        }
        return t;
    }

    private ExpressionSyntaxException error(String problem, SourceSpan span) {
        return new ExpressionSyntaxException(problem, span, src);
    }
}
