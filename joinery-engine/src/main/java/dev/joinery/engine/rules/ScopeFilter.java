package dev.joinery.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rule's scoping filter. "A logical AND is used between all clauses in a group ... A logical OR is used between
 * groups." No group at all means every object is in scope ("An empty filter indicates that the rule is to be
 * applied to all objects").
 *
 * @param groups OR'ed groups in order, each a non-empty list of AND'ed clauses; never null, possibly empty
 */
public record ScopeFilter(List<List<ScopeClause>> groups) {
    public static final ScopeFilter ALL = new ScopeFilter(List.of());

    public ScopeFilter {
        Objects.requireNonNull(groups, "groups");
        groups = groups.stream().map(List::copyOf).toList();
        for (List<ScopeClause> group : groups) {
            if (group.isEmpty()) {
                throw new IllegalArgumentException("a scope group must have at least one clause");
            }
        }
    }

    /** A filter of one group; {@link #ALL} when no clause is given. */
    public static ScopeFilter allOf(ScopeClause... clauses) {
        return clauses.length == 0 ? ALL : new ScopeFilter(List.of(List.of(clauses)));
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    @Override
    public String toString() {
        return groups.stream()
                .map(g -> g.stream().map(ScopeClause::toString).collect(Collectors.joining(" AND ", "(", ")")))
                .collect(Collectors.joining(" OR "));
    }
}
