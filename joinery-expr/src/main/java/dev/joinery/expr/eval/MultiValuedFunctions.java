package dev.joinery.expr.eval;

final class MultiValuedFunctions {
    private MultiValuedFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
