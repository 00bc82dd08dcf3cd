package dev.joinery.expr.eval;

/** How a function takes one argument. */
enum Param {
    /** One value; a multi-valued argument makes the function apply to each value (the reference's str, num...). */
    SCALAR,
    /**
     * The whole value, single or multi-valued (the reference's mvstr, mvbin, mvref, and presence tests). An
     * attribute written directly here is not iterated.
     */
    WHOLE,
    /** A {@code $name} that the function binds for the arguments after it. */
    VARIABLE,
    /** A named option: a bare constant such as {@code vbTextCompare} or a string literal. */
    OPTION
}
