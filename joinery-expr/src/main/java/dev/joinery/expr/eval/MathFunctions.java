package dev.joinery.expr.eval;

final class MathFunctions {
    private MathFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
