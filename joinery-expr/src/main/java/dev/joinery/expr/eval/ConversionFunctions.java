package dev.joinery.expr.eval;

final class ConversionFunctions {
    private ConversionFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
