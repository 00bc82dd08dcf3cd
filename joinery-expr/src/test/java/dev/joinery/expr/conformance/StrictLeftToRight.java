package dev.joinery.expr.conformance;

import dev.joinery.expr.ast.AstPrinter;
import dev.joinery.expr.ast.Node;
import dev.joinery.expr.ast.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites an expression the way the reference's one-level rule reads it ("Operators are evaluated left to
 * right and have the same evaluation priority"): every chain of binary operators written without
 * parentheses is regrouped strictly from the left, with explicit parentheses, whatever its operators.
 */
final class StrictLeftToRight {
    private StrictLeftToRight() {}

    /** The expression text with every operator chain parenthesised from the left. */
    static String rewrite(Node node) {
        if (node instanceof Node.Binary) {
            List<Object> chain = new ArrayList<>();
            flatten(node, chain);
            String acc = rewrite((Node) chain.get(0));
            for (int i = 1; i < chain.size(); i += 2) {
                Operator op = (Operator) chain.get(i);
                acc = "(" + acc + " " + op.symbol() + " " + rewrite((Node) chain.get(i + 1)) + ")";
            }
            return acc;
        } else if (node instanceof Node.Group g) {
            return "(" + rewrite(g.inner()) + ")";
        } else if (node instanceof Node.Call c) {
            List<String> args = new ArrayList<>();
            c.arguments().forEach(a -> args.add(rewrite(a)));
            return c.name() + "(" + String.join(",", args) + ")";
        } else if (node instanceof Node.Negate n) {
            return "-" + rewrite(n.operand());
        }
        return AstPrinter.print(node);
    }

    /**
     * The operands and operators of a chain in source order: a tree without Group nodes between its binary
     * nodes came from text without parentheses, and its in-order walk gives that text back.
     */
    static void flatten(Node node, List<Object> out) {
        if (node instanceof Node.Binary b) {
            flatten(b.left(), out);
            out.add(b.operator());
            flatten(b.right(), out);
        } else {
            out.add(node);
        }
    }
}
