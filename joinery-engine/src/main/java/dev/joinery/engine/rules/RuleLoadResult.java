package dev.joinery.engine.rules;

import java.util.List;
import java.util.Objects;

/**
 * What loading rules gave: every rule that could be built, and every problem found, in file and line order.
 *
 * @param rules rules read without error (a rule with a problem of its own is left out)
 * @param problems never null
 */
public record RuleLoadResult(List<LoadedRule> rules, List<Problem> problems) {
    public RuleLoadResult {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** The rules without their sources. */
    public List<SyncRule> syncRules() {
        return rules.stream().map(LoadedRule::rule).toList();
    }

    /** Whether no problem was found. */
    public boolean isClean() {
        return problems.isEmpty();
    }
}
