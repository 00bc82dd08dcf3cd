package dev.joinery.expr.eval;

final class TextFunctions {
    private TextFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
