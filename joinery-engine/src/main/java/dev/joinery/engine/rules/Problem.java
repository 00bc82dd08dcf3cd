package dev.joinery.engine.rules;

import java.util.Objects;

/**
 * One problem found while loading or validating rules.
 *
 * @param file the file it was found in, as given to the loader, or null when the rules did not come from a file
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param ruleName the rule concerned, or null for a file-level problem
 * @param message what is wrong and, where possible, what was expected or meant; never null
 * @param code never null
 */
public record Problem(String file, int line, int column, String ruleName, String message, ProblemCode code) {
    public Problem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    /** {@code file:line:column: CODE rule 'name': message}, omitting what is unknown. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line);
                if (column > 0) {
                    b.append(':').append(column);
                }
            }
            b.append(": ");
        }
        b.append(code).append(' ');
        if (ruleName != null) {
            b.append("rule '").append(ruleName).append("': ");
        }
        return b.append(message).toString();
    }
}
