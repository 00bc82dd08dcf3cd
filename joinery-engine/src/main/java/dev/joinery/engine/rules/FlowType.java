package dev.joinery.engine.rules;

/** How a transformation computes its value: a source attribute as-is, a fixed value, or an expression. */
public enum FlowType {
    CONSTANT,
    DIRECT,
    EXPRESSION
}
