package dev.joinery.engine.rules;

import java.util.Map;

/**
 * Where a rule and its parts were read from, so that problems found later point at the right line. Parts are
 * named by paths such as {@code precedence}, {@code scope[0][1].attribute}, {@code join[0][0].target},
 * {@code flows[3].target}, {@code flows[3].sources[0]}; {@code flows[3].expression} is where the expression text
 * itself starts (inside a block scalar, the first content line).
 *
 * @param file the file name as given to the loader, or null
 * @param positions path to position; the empty path is the rule's start
 */
public record RuleSource(String file, Map<String, SourcePosition> positions) {
    public static final RuleSource NONE = new RuleSource(null, Map.of());

    public RuleSource {
        positions = Map.copyOf(positions);
    }

    /** A source that only knows the file. */
    public static RuleSource file(String file) {
        return new RuleSource(file, Map.of());
    }

    /**
     * The position of a part, or of the nearest enclosing part that has one ({@code flows[3].target}, then
     * {@code flows[3]}, then the rule), or {@link SourcePosition#UNKNOWN}.
     */
    public SourcePosition locate(String path) {
        String p = path;
        while (true) {
            SourcePosition found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return SourcePosition.UNKNOWN;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
