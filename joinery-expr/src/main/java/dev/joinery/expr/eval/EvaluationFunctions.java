package dev.joinery.expr.eval;

final class EvaluationFunctions {
    private EvaluationFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
