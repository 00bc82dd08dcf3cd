package dev.joinery.engine.rules;

import java.util.List;
import java.util.Objects;

/**
 * One join group: its conditions are AND'ed. A rule's groups are "processed in order from top to bottom. When one
 * group finds exactly one match with an object in the target, then no other join rules are evaluated."
 *
 * @param conditions never empty
 */
public record JoinGroup(List<JoinCondition> conditions) {
    public JoinGroup {
        conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a join group must have at least one condition");
        }
    }

    public static JoinGroup of(JoinCondition... conditions) {
        return new JoinGroup(List.of(conditions));
    }

    @Override
    public String toString() {
        return conditions.toString();
    }
}
