package dev.joinery.engine.rules;

import java.util.Objects;

/** A rule and where it was read from. */
public record LoadedRule(SyncRule rule, RuleSource source) {
    public LoadedRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
    }

    /** A rule that did not come from a file. */
    public static LoadedRule of(SyncRule rule) {
        return new LoadedRule(rule, RuleSource.NONE);
    }
}
