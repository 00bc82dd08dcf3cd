package dev.joinery.engine.rules;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt keys and attribute names. */
final class Suggest {
    private Suggest() {}

    /**
     * The candidate closest to {@code input}: one that differs only in case first, else the one with the smallest
     * edit distance if that distance is at most a third of the input's length (at least 1, at most 3).
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        for (String c : candidates) {
            if (c.equalsIgnoreCase(input)) {
                return Optional.of(c);
            }
        }
        int limit = Math.min(3, Math.max(1, input.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (Math.abs(c.length() - input.length()) > limit) {
                continue;
            }
            int d = dev.joinery.expr.EditDistance.between(
                    input.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or {@code ""}. */
    static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates)
                .map(c -> c.equals(input) ? "" : "; did you mean '" + c + "'?")
                .orElse("");
    }
}
