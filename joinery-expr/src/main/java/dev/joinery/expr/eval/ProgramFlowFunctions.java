package dev.joinery.expr.eval;

final class ProgramFlowFunctions {
    private ProgramFlowFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
