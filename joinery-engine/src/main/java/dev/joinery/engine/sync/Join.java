package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.SyncRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The inbound join module. "An object should only have one single sync rule with join rules in scope"; its groups are
 * "processed in order from top to bottom. When one group finds exactly one match with an object in the target, then
 * no other join rules are evaluated." With no match and link type Provision, the object is projected. Choices: a rule
 * without join conditions but with link type Provision projects when no rule with join conditions is in scope; when
 * no group found exactly one object but some found several, the object is reported {@code JOIN_AMBIGUOUS} instead
 * of being projected (a projection would make a duplicate); one matched metaverse object already joined to another
 * object of the same connector space is {@code JOIN_AMBIGUOUS} too ("It isn't possible to have several objects in
 * the same connector space joined to the same metaverse object").
 */
final class Join {
    private final SyncSession s;

    Join(SyncSession session) {
        this.s = session;
    }

    /**
     * Joins or projects an unlinked object.
     *
     * @return the object, linked or still a disconnector; null when an error was logged
     */
    CsObject link(CsObject cs, List<SyncRule> inScope) {
        List<SyncRule> joining = inScope.stream().filter(SyncRule::hasJoin).toList();
        if (joining.size() > 1) {
            String names = joining.stream().map(SyncRule::name).collect(Collectors.joining("', '", "'", "'"));
            s.log.error(
                    ErrorCode.MULTIPLE_JOIN_RULES,
                    "more than one rule with join conditions is in scope: " + names,
                    cs,
                    null,
                    joining.get(0).name(),
                    null);
            s.trace.join(cs, "error: several join rules in scope " + names);
            return null;
        }
        SyncRule rule = joining.isEmpty()
                ? inScope.stream()
                        .filter(r -> r.linkType() == LinkType.PROVISION)
                        .findFirst()
                        .orElse(null)
                : joining.get(0);
        if (rule == null) {
            s.trace.join(cs, "disconnector: no rule with join conditions or link type Provision is in scope");
            return cs;
        }
        boolean several = false;
        for (int g = 0; g < rule.join().size(); g++) {
            JoinGroup group = rule.join().get(g);
            List<UUID> found = matches(cs, rule, group);
            if (found.size() == 1) {
                UUID mvId = found.get(0);
                for (UUID other : s.tx.csLinkedTo(mvId)) {
                    CsObject o = s.tx.cs(other).orElseThrow();
                    if (o.connector().equals(cs.connector())) {
                        s.log.error(
                                ErrorCode.JOIN_AMBIGUOUS,
                                "join group " + (g + 1) + " " + group + " matched metaverse object " + mvId
                                        + ", which is already joined to " + o.dn() + " of the same connector space",
                                cs,
                                mvId,
                                rule.name(),
                                null);
                        s.trace.join(cs, "error: the match is joined to " + o.dn() + " already");
                        return null;
                    }
                }
                s.log.count(RunLog.Counter.JOINS);
                s.trace.join(
                        cs, "joined to " + mvId + " by rule '" + rule.name() + "', group " + (g + 1) + " " + group);
                return Inbound.link(s, cs, rule, mvId, LinkKind.JOINED);
            }
            several |= found.size() > 1;
        }
        if (several) {
            s.log.error(
                    ErrorCode.JOIN_AMBIGUOUS,
                    "the join groups of rule '" + rule.name()
                            + "' found several metaverse objects and none exactly one",
                    cs,
                    null,
                    rule.name(),
                    null);
            s.trace.join(cs, "error: ambiguous join");
            return null;
        }
        if (rule.linkType() != LinkType.PROVISION || rule.targetObjectType().equals("*")) {
            s.trace.join(
                    cs,
                    "disconnector: no match, and rule '" + rule.name() + "' has link type "
                            + rule.linkType().displayName());
            return cs;
        }
        UUID mvId = s.settings.newId();
        s.tx.insertMv(new MvObject(mvId, rule.targetObjectType(), Map.of()));
        s.log.count(RunLog.Counter.PROJECTIONS);
        s.log.count(RunLog.Counter.ADDS);
        s.trace.join(
                cs,
                "projected as new metaverse " + rule.targetObjectType() + " " + mvId + " by rule '" + rule.name()
                        + "'");
        return Inbound.link(s, cs, rule, mvId, LinkKind.PROJECTED);
    }

    /** The metaverse objects matching every condition of a group (none when a source attribute is absent). */
    private List<UUID> matches(CsObject cs, SyncRule rule, JoinGroup group) {
        Set<UUID> result = null;
        String type = rule.targetObjectType().equals("*") ? null : rule.targetObjectType();
        for (JoinCondition c : group.conditions()) {
            List<AttributeValue> values = cs.values(c.sourceAttribute());
            if (values.isEmpty() && c.sourceAttribute().equalsIgnoreCase("dn")) {
                values = List.of(AttributeValue.text(cs.dn()));
            }
            Set<UUID> found = new LinkedHashSet<>();
            for (AttributeValue v : values) {
                for (UUID id : s.tx.findMv(type, c.targetAttribute(), v)) {
                    if (!c.caseSensitive()
                            || s.tx.mv(id)
                                    .orElseThrow()
                                    .values(c.targetAttribute())
                                    .contains(v)) {
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
