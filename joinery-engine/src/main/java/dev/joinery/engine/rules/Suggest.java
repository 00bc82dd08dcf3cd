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
            int d = distance(input.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
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

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
