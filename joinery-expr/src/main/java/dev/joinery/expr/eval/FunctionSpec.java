package dev.joinery.expr.eval;

import java.util.List;

/**
 * One function of the library: its exact, case-sensitive name, its category in the functions reference,
 * how it takes each argument, how many it needs, and how to build its evaluator for one call.
 *
 * @param params how each argument is taken; for a variadic function the last entry repeats
 * @param minArgs the fewest arguments
 * @param maxArgs the most arguments, or {@link Integer#MAX_VALUE}
 * @param signature the reference's syntax line(s), shown in arity errors
 */
record FunctionSpec(
        String name,
        String category,
        List<Param> params,
        int minArgs,
        int maxArgs,
        String signature,
        Factory factory,
        Validator validator) {

    /** Builds the evaluator of one call from its compiled arguments. */
    @FunctionalInterface
    interface Factory {
        Evaluator create(Site site);
    }

    /** Checks a call at compile time (options, pairing); returns a problem or null. */
    @FunctionalInterface
    interface Validator {
        Problem check(Site site);
    }

    /** A problem with one call, reported at the argument it concerns. */
    record Problem(int argument, String message) {}

    Param param(int index) {
        return index < params.size() ? params.get(index) : params.get(params.size() - 1);
    }
}
