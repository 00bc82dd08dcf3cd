package dev.joinery.engine.rules;

import dev.joinery.expr.Expression;
import dev.joinery.expr.ExpressionSyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * One attribute flow of a rule: "The flows can have one of the following flow types: Direct, Constant, or
 * Expression." An expression is compiled when the transformation is built, so a rule that exists has expressions
 * that compile; equality compares the expression text, not the compiled form.
 *
 * @param target the attribute written on the target object, never blank
 * @param flowType never null
 * @param sources source attributes: exactly one for {@link FlowType#DIRECT}; for {@link FlowType#EXPRESSION} the
 *     attributes listed beside the expression (Azure AD Connect keeps such a list; it may be empty); none for
 *     {@link FlowType#CONSTANT}
 * @param constantValue the value of a constant flow, null for the other types
 * @param expressionText the source text of an expression flow, null for the other types
 * @param expression the compiled {@code expressionText}; compiled here when passed null
 * @param mergeType never null
 * @param applyOnce "the attribute should only be set when the object is initially created"
 * @throws ExpressionSyntaxException when the expression does not compile
 */
public record Transformation(
        String target,
        FlowType flowType,
        List<String> sources,
        String constantValue,
        String expressionText,
        Expression expression,
        MergeType mergeType,
        boolean applyOnce) {

    public Transformation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(flowType, "flowType");
        Objects.requireNonNull(mergeType, "mergeType");
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        if (target.isBlank()) {
            throw new IllegalArgumentException("flow target must not be blank");
        }
        String what = "flow to '" + target + "': ";
        switch (flowType) {
            case DIRECT:
                require(sources.size() == 1, what + "a direct flow has exactly one source, found " + sources);
                require(constantValue == null && expressionText == null, what + "a direct flow has no value");
                break;
            case CONSTANT:
                require(constantValue != null, what + "a constant flow needs a value");
                require(sources.isEmpty() && expressionText == null, what + "a constant flow has no source");
                break;
            case EXPRESSION:
                require(expressionText != null, what + "an expression flow needs an expression");
                require(constantValue == null, what + "an expression flow has no constant value");
                if (expression == null) {
                    expression = Expression.compile(expressionText);
                } else {
                    require(expression.source().equals(expressionText), what + "expression and its text differ");
                }
                break;
            default:
                throw new AssertionError(flowType);
        }
        if (flowType != FlowType.EXPRESSION) {
            require(expression == null, what + "only an expression flow has an expression");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** {@code target <- source}, merge type Update. */
    public static Transformation direct(String target, String source) {
        return new Transformation(target, FlowType.DIRECT, List.of(source), null, null, null, MergeType.UPDATE, false);
    }

    /** {@code target <- "value"}, merge type Update. */
    public static Transformation constant(String target, String value) {
        return new Transformation(target, FlowType.CONSTANT, List.of(), value, null, null, MergeType.UPDATE, false);
    }

    /**
     * {@code target <- expression}, merge type Update.
     *
     * @throws ExpressionSyntaxException when the expression does not compile
     */
    public static Transformation expression(String target, String expression, String... sources) {
        return new Transformation(
                target, FlowType.EXPRESSION, List.of(sources), null, expression, null, MergeType.UPDATE, false);
    }

    public Transformation withMergeType(MergeType merge) {
        return new Transformation(
                target, flowType, sources, constantValue, expressionText, expression, merge, applyOnce);
    }

    public Transformation withApplyOnce(boolean once) {
        return new Transformation(
                target, flowType, sources, constantValue, expressionText, expression, mergeType, once);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transformation t
                && target.equals(t.target)
                && flowType == t.flowType
                && sources.equals(t.sources)
                && Objects.equals(constantValue, t.constantValue)
                && Objects.equals(expressionText, t.expressionText)
                && mergeType == t.mergeType
                && applyOnce == t.applyOnce;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, flowType, sources, constantValue, expressionText, mergeType, applyOnce);
    }

    @Override
    public String toString() {
        String value;
        switch (flowType) {
            case DIRECT:
                value = sources.get(0);
                break;
            case CONSTANT:
                value = "\"" + constantValue + "\"";
                break;
            default:
                value = expressionText;
        }
        return target + " <- " + value + (mergeType == MergeType.UPDATE ? "" : " [" + mergeType.displayName() + "]")
                + (applyOnce ? " [apply once]" : "");
    }
}
