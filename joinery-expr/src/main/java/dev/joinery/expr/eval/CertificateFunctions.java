package dev.joinery.expr.eval;

final class CertificateFunctions {
    private CertificateFunctions() {}

    static void register(FunctionLibrary.Builder b) {}
}
