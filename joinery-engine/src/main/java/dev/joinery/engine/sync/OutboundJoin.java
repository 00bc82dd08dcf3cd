package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.Link;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.SyncRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The outbound join: the in-scope rule with join conditions (at most one) looks for exactly one unlinked object of
 * its target type in the target connector space, group by group; a metaverse attribute is the condition's source,
 * the connector-space attribute its target.
 */
final class OutboundJoin {
    /** A joined object, or the rule that should provision (no object), or neither. */
    record Outcome(CsObject cs, SyncRule rule) {}

    private final SyncSession s;

    OutboundJoin(SyncSession session) {
        this.s = session;
    }

    Outcome join(MvObject mv, ConnectorSettings target, List<SyncRule> inScope) {
        List<SyncRule> joining = inScope.stream().filter(SyncRule::hasJoin).toList();
        if (joining.size() > 1) {
            s.log.error(
                    ErrorCode.MULTIPLE_JOIN_RULES,
                    "more than one outbound rule with join conditions is in scope for " + Outbound.describe(mv) + ": "
                            + joining.stream().map(SyncRule::name).collect(Collectors.joining(", ")),
                    null,
                    mv.id(),
                    joining.get(0).name(),
                    null);
            return new Outcome(null, null);
        }
        SyncRule rule = joining.isEmpty()
                ? inScope.stream()
                        .filter(r -> r.linkType() == LinkType.PROVISION)
                        .findFirst()
                        .orElse(null)
                : joining.get(0);
        if (rule == null) {
            return new Outcome(null, null);
        }
        boolean several = false;
        for (JoinGroup group : rule.join()) {
            List<UUID> found = matches(mv, target, rule, group);
            if (found.size() == 1) {
                CsObject cs = s.tx.cs(found.get(0)).orElseThrow();
                CsObject linked = cs.withLink(new Link(mv.id(), rule.name(), Direction.OUTBOUND, LinkKind.JOINED));
                s.tx.putCs(linked);
                s.log.count(RunLog.Counter.JOINS);
                s.trace.join(linked, "joined to " + Outbound.describe(mv) + " by rule '" + rule.name() + "' " + group);
                return new Outcome(linked, null);
            }
            several |= found.size() > 1;
        }
        if (several) {
            s.log.error(
                    ErrorCode.JOIN_AMBIGUOUS,
                    "the join groups of rule '" + rule.name() + "' found several objects in " + target.name() + " for "
                            + Outbound.describe(mv) + " and none exactly one",
                    null,
                    mv.id(),
                    rule.name(),
                    null);
            return new Outcome(null, null);
        }
        return new Outcome(null, rule.linkType() == LinkType.PROVISION ? rule : null);
    }

    private List<UUID> matches(MvObject mv, ConnectorSettings target, SyncRule rule, JoinGroup group) {
        Set<UUID> result = null;
        for (JoinCondition c : group.conditions()) {
            Set<UUID> found = new LinkedHashSet<>();
            for (AttributeValue v : mv.values(c.sourceAttribute())) {
                for (UUID id : s.tx.findCs(target.name(), c.targetAttribute(), v)) {
                    CsObject cs = s.tx.cs(id).orElseThrow();
                    if (!cs.isLinked()
                            && cs.pendingImport() != PendingImport.DELETE
                            && cs.objectType().equalsIgnoreCase(rule.targetObjectType())
                            && (!c.caseSensitive()
                                    || cs.values(c.targetAttribute()).contains(v))) {
                        found.add(id);
                    }
                }
            }
            if (result == null) {
                result = found;
            } else {
                result.retainAll(found);
            }
            if (result.isEmpty()) {
                return List.of();
            }
        }
        return result == null ? List.of() : new ArrayList<>(result);
    }
}
