package dev.joinery.expr.eval;

final class DateTimeFunctions {
    private DateTimeFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
