package dev.joinery.expr.ast;

import dev.joinery.expr.SourceSpan;
import java.util.List;

/**
 * A node of the syntax tree of one expression. Every node carries the span of source text it came from;
 * {@link AstPrinter#sexpr(Node)} compares trees without their spans.
 */
public sealed interface Node
        permits Node.StringLiteral,
                Node.NumberLiteral,
                Node.BooleanLiteral,
                Node.NullLiteral,
                Node.Constant,
                Node.AttributeRef,
                Node.ParameterRef,
                Node.VariableRef,
                Node.Call,
                Node.Binary,
                Node.Negate,
                Node.Group {

    SourceSpan span();

    /** {@code "text"}; {@code value} is the text after escapes are decoded. */
    record StringLiteral(String value, SourceSpan span) implements Node {}

    /** A decimal or {@code &H} hexadecimal integer literal. */
    record NumberLiteral(long value, boolean hex, SourceSpan span) implements Node {}

    record BooleanLiteral(boolean value, SourceSpan span) implements Node {}

    /** {@code NULL}, {@code AuthoritativeNull} or {@code IgnoreThisFlow}. */
    record NullLiteral(Kind kind, SourceSpan span) implements Node {
        public enum Kind {
            NULL("NULL"),
            AUTHORITATIVE_NULL("AuthoritativeNull"),
            IGNORE_THIS_FLOW("IgnoreThisFlow");

            private final String text;

            Kind(String text) {
                this.text = text;
            }

            public String text() {
                return text;
            }
        }
    }

    /** A bare named constant: {@code CRLF}, {@code vbTextCompare}, {@code UTF8}, {@code CaseInsensitive}, ... */
    record Constant(String name, SourceSpan span) implements Node {}

    /** {@code [name]}: an attribute of the object the rule reads. */
    record AttributeRef(String name, SourceSpan span) implements Node {}

    /** {@code %Name%}: a connector or system parameter. */
    record ParameterRef(String name, SourceSpan span) implements Node {}

    /** {@code $name}: a variable bound by {@code With}, {@code Select} or {@code Where}. */
    record VariableRef(String name, SourceSpan span) implements Node {}

    /** {@code Name(arg, ...)}; {@code nameSpan} points at the name. */
    record Call(String name, List<Node> arguments, SourceSpan nameSpan, SourceSpan span) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code left op right}; {@code opSpan} points at the operator. */
    record Binary(Operator operator, Node left, Node right, SourceSpan opSpan, SourceSpan span) implements Node {}

    /** Unary minus on anything but a number literal (which folds into a negative literal). */
    record Negate(Node operand, SourceSpan span) implements Node {}

    /** Parentheses, kept so that printing gives back the author's grouping. */
    record Group(Node inner, SourceSpan span) implements Node {}
}
