package dev.joinery.expr.eval;

final class DirectoryFunctions {
    private DirectoryFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
