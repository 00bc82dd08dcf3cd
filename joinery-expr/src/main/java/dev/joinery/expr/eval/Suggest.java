package dev.joinery.expr.eval;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean": the closest known name by edit distance, if it is close enough to be a typo. */
final class Suggest {
    private Suggest() {}

    static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = dev.joinery.expr.EditDistance.between(lower, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(1, Math.min(3, name.length() / 3));
        if (bestDistance <= allowed) {
            return best;
        }
        // A shortened name, as the reference's own "Random(100,999)" for RandomNum.
        for (String k : known) {
            if (name.length() >= 4 && k.toLowerCase(Locale.ROOT).startsWith(lower)) {
                return k;
            }
        }
        return null;
    }
}
