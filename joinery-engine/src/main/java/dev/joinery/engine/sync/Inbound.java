package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.Contributor;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.Link;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvAttribute;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Inbound synchronization of connector-space objects into the metaverse: scope, join once, project, flows with
 * precedence, disconnection when the linking rule leaves scope, metaverse deletion when the last Provision or
 * StickyJoin contributor goes.
 */
final class Inbound {
    private final SyncSession s;

    Inbound(SyncSession session) {
        this.s = session;
    }

    /** Synchronizes one connector-space object; clears its pending import unless an error keeps it. */
    void process(UUID csId) {
        CsObject cs = s.tx.cs(csId).orElse(null);
        if (cs == null) {
            return;
        }
        s.log.count(RunLog.Counter.PROCESSED);
        if (cs.pendingImport() == PendingImport.DELETE) {
            remove(cs);
            return;
        }
        if (cs.isTransient()) {
            s.trace.join(cs, "transient: waits for its rename or deletion to be imported");
            return;
        }
        List<SyncRule> inScope = inScope(cs);
        if (cs.isLinked() && cs.link().direction() == Direction.INBOUND) {
            SyncRule linking = s.settings.rule(cs.link().rule()).orElse(null);
            if (linking == null || !inScope.contains(linking)) {
                s.trace.join(cs, "disconnected: the linking rule '" + cs.link().rule() + "' is no longer in scope");
                cs = disconnect(cs);
            }
        }
        boolean created = false;
        if (!cs.isLinked()) {
            CsObject before = cs;
            cs = new Join(s).link(cs, inScope);
            if (cs == null) {
                return;
            }
            if (!cs.isLinked()) {
                s.log.count(RunLog.Counter.DISCONNECTORS);
                clearPending(cs);
                return;
            }
            created = before != cs && cs.link().kind() == LinkKind.PROJECTED;
            referencesArrived(cs);
        }
        if (recompute(cs.link().mvId(), created ? cs : null)) {
            clearPending(s.tx.cs(csId).orElseThrow());
        }
    }

    private List<SyncRule> inScope(CsObject cs) {
        return s.inScope(
                s.settings.rules(cs.connector(), Direction.INBOUND, cs.objectType()),
                cs.attributes(),
                cs.dn(),
                cs.toString(),
                s.memberOf(cs));
    }

    private void clearPending(CsObject cs) {
        if (cs.pendingImport() != PendingImport.NONE) {
            s.tx.putCs(cs.withPendingImport(PendingImport.NONE));
        }
    }

    /** An object deleted in its directory: disconnect it, then forget it. */
    private void remove(CsObject cs) {
        if (cs.isLinked()) {
            disconnect(cs);
        }
        s.tx.removeCs(cs.id());
    }

    /**
     * Removes the link; the object stays as a disconnector. The metaverse object is recomputed without it, or deleted
     * when no Provision or StickyJoin rule is in scope for any object still linked to it.
     */
    CsObject disconnect(CsObject cs) {
        UUID mvId = cs.link().mvId();
        CsObject unlinked = cs.withLink(null);
        s.tx.putCs(unlinked);
        referencesArrived(cs);
        boolean alive = false;
        for (UUID id : s.tx.csLinkedTo(mvId)) {
            CsObject other = s.tx.cs(id).orElseThrow();
            alive |= other.pendingImport() != PendingImport.DELETE && keepsAlive(other);
        }
        if (alive) {
            s.recompute.add(mvId);
        } else {
            deleteMv(mvId);
        }
        return unlinked;
    }

    /** "A metaverse object remains as long as there's one sync rule in scope with Link Type set to Provision or StickyJoin." */
    private boolean keepsAlive(CsObject cs) {
        return inScope(cs).stream()
                .anyMatch(r -> r.linkType() == LinkType.PROVISION || r.linkType() == LinkType.STICKY_JOIN);
    }

    /**
     * Deletes a metaverse object: provisioned objects are deprovisioned ("all objects associated with an outbound sync
     * rule marked for provision are marked for a delete"), other linked objects become disconnectors.
     */
    private void deleteMv(UUID mvId) {
        for (UUID id : s.tx.csLinkedTo(mvId)) {
            CsObject linked = s.tx.cs(id).orElseThrow();
            if (linked.link().kind() == LinkKind.PROVISIONED) {
                s.outboundSync.deprovision(linked);
            } else {
                s.tx.putCs(linked.withLink(null));
                referencesArrived(linked);
            }
        }
        s.tx.mvReferencing(mvId).forEach(s.recompute::add);
        s.tx.removeMv(mvId);
        s.outbound.remove(mvId);
        s.recompute.remove(mvId);
        s.log.count(RunLog.Counter.DELETES);
        s.trace.metaverse(mvId);
    }

    /** Objects of the same connector space that reference this one get their metaverse object recomputed. */
    private void referencesArrived(CsObject cs) {
        for (UUID id : s.tx.csReferencing(cs.connector(), cs.dn())) {
            s.tx.cs(id)
                    .filter(CsObject::isLinked)
                    .ifPresent(r -> s.recompute.add(r.link().mvId()));
        }
    }

    /**
     * Recomputes a metaverse object's attributes from every object linked to it and every inbound rule in scope for
     * them, for each object only while a rule that joins it is in scope ({@link SyncSession#joinRuleInScope}). Apply-once flows flow only from {@code creating}, the object that projected it just now.
     *
     * @return false when a flow failed or flows mixed merge types (logged); the metaverse object is then left as it was
     */
    boolean recompute(UUID mvId, CsObject creating) {
        MvObject mv = s.tx.mv(mvId).orElse(null);
        if (mv == null) {
            return true;
        }
        List<Contribution> contributions = new ArrayList<>();
        for (UUID id : s.tx.csLinkedTo(mvId)) {
            CsObject cs = s.tx.cs(id).orElseThrow();
            if (cs.pendingImport() == PendingImport.DELETE) {
                continue;
            }
            List<SyncRule> rules = inScope(cs).stream()
                    .filter(r -> r.targetObjectType().equals("*")
                            || r.targetObjectType().equals(mv.objectType()))
                    .toList();
            if (!SyncSession.joinRuleInScope(cs.link(), Direction.INBOUND, rules)) {
                s.trace.join(
                        cs,
                        "contributes nothing: no inbound rule with join conditions or link type Provision is in"
                                + " scope");
                continue;
            }
            for (SyncRule rule : rules) {
                for (Transformation flow : rule.transformations()) {
                    Value v = flow.applyOnce()
                                    && (creating == null || !creating.id().equals(cs.id()))
                            ? Value.IGNORE_THIS_FLOW
                            : s.evaluate(flow, rule, s.csContext(cs, rule), cs, mvId);
                    if (v == null) {
                        return false;
                    }
                    Contribution c =
                            SyncSession.contribution(rule, flow, v, cs.connector(), cs.anchor(), cs.toString());
                    contributions.add(translate(c, cs));
                }
            }
        }
        int errors = s.log.errorCount();
        Map<String, Resolution> resolved = AttributeResolver.resolve(
                contributions,
                s.contributionOrder(),
                mv.attributes().keySet(),
                s.resolverListener("metaverse object " + mvId, null, mvId));
        if (s.log.errorCount() > errors) {
            return false;
        }
        TreeMap<String, MvAttribute> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.putAll(mv.attributes());
        resolved.forEach((name, r) -> {
            if (r.kind() == Resolution.Kind.REMOVE) {
                attributes.remove(name);
            } else if (r.kind() == Resolution.Kind.SET) {
                Contribution w = r.winner();
                attributes.put(
                        name,
                        new MvAttribute(r.values(), new Contributor(w.rule().name(), w.connector(), w.anchor())));
            }
        });
        MvObject updated = mv.withAttributes(attributes);
        if (!updated.equals(mv)) {
            s.tx.putMv(updated);
            membersChanged(mv, updated);
            if (creating == null) {
                s.log.count(RunLog.Counter.UPDATES);
            }
            s.trace.metaverse(mvId);
            s.outbound.add(mvId);
        } else if (s.full || creating != null) {
            s.outbound.add(mvId);
        }
        return true;
    }

    /** Objects that joined or left a group go outbound: an ISMEMBEROF scope may have changed for them. */
    private void membersChanged(MvObject before, MvObject after) {
        for (String member : Membership.changed(before.values("member"), after.values("member"))) {
            try {
                s.outbound.add(UUID.fromString(member));
            } catch (IllegalArgumentException notAnId) {
                // not a metaverse reference
            }
        }
    }

    /** References by DN in the source connector space become metaverse ids; one whose target is not linked waits. */
    private Contribution translate(Contribution c, CsObject source) {
        if (c.values().stream().noneMatch(v -> v instanceof AttributeValue.Reference)) {
            return c;
        }
        List<AttributeValue> values = new ArrayList<>();
        for (AttributeValue v : c.values()) {
            if (v instanceof AttributeValue.Reference r) {
                s.tx.csByDn(source.connector(), r.dn())
                        .filter(CsObject::isLinked)
                        .ifPresent(t -> values.add(
                                AttributeValue.reference(t.link().mvId().toString())));
            } else {
                values.add(v);
            }
        }
        return SyncSession.withValues(c, values);
    }

    /** Links {@code cs} to a new or existing metaverse object. */
    static CsObject link(SyncSession s, CsObject cs, SyncRule rule, UUID mvId, LinkKind kind) {
        CsObject linked = cs.withLink(new Link(mvId, rule.name(), Direction.INBOUND, kind));
        s.tx.putCs(linked);
        return linked;
    }
}
