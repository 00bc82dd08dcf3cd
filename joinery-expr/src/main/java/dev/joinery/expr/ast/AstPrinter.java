package dev.joinery.expr.ast;

/** Prints a tree back to expression text, and to a span-free S-expression for comparing trees. */
public final class AstPrinter {
    private AstPrinter() {}

    /**
     * Expression text that parses back to the same tree (same {@link #sexpr(Node)}). Whitespace is normalised:
     * one space around binary operators, none after commas.
     */
    public static String print(Node node) {
        StringBuilder out = new StringBuilder();
        print(node, out);
        return out.toString();
    }

    private static void print(Node node, StringBuilder out) {
        if (node instanceof Node.Call c) {
            out.append(c.name()).append('(');
            for (int i = 0; i < c.arguments().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                print(c.arguments().get(i), out);
            }
            out.append(')');
        } else if (node instanceof Node.Binary b) {
            print(b.left(), out);
            out.append(' ').append(b.operator().symbol()).append(' ');
            print(b.right(), out);
        } else if (node instanceof Node.Negate n) {
            out.append('-');
            print(n.operand(), out);
        } else if (node instanceof Node.Group g) {
            out.append('(');
            print(g.inner(), out);
            out.append(')');
        } else {
            out.append(leaf(node));
        }
    }

    private static String leaf(Node node) {
        if (node instanceof Node.StringLiteral s) {
            return quote(s.value());
        } else if (node instanceof Node.NumberLiteral n) {
            // Hexadecimal literals are unsigned 64-bit patterns (&H8000000000000000 is Long.MIN_VALUE).
            return n.hex()
                    ? "&H" + Long.toHexString(n.value()).toUpperCase(java.util.Locale.ROOT)
                    : Long.toString(n.value());
        } else if (node instanceof Node.BooleanLiteral b) {
            return b.value() ? "True" : "False";
        } else if (node instanceof Node.NullLiteral n) {
            return n.kind().text();
        } else if (node instanceof Node.Constant c) {
            return c.name();
        } else if (node instanceof Node.AttributeRef a) {
            return "[" + a.name() + "]";
        } else if (node instanceof Node.ParameterRef p) {
            return "%" + p.name() + "%";
        } else if (node instanceof Node.VariableRef v) {
            return "$" + v.name();
        }
        throw new IllegalStateException("not a leaf: " + node);
    }

    /** A string literal with the escapes the lexer understands. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A compact, span-free form of the tree, equal for two trees exactly when they are the same. */
    public static String sexpr(Node node) {
        if (node instanceof Node.Call c) {
            StringBuilder out = new StringBuilder("(call ").append(c.name());
            for (Node a : c.arguments()) {
                out.append(' ').append(sexpr(a));
            }
            return out.append(')').toString();
        } else if (node instanceof Node.Binary b) {
            return "(" + b.operator().symbol() + " " + sexpr(b.left()) + " " + sexpr(b.right()) + ")";
        } else if (node instanceof Node.Negate n) {
            return "(neg " + sexpr(n.operand()) + ")";
        } else if (node instanceof Node.Group g) {
            return "(group " + sexpr(g.inner()) + ")";
        } else if (node instanceof Node.NumberLiteral n) {
            return "(num " + n.value() + ")";
        }
        return "(" + node.getClass().getSimpleName() + " " + leaf(node) + ")";
    }
}
