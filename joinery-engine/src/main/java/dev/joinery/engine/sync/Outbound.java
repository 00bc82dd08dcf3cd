package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.Link;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Outbound synchronization of a metaverse object into every connector with outbound rules: scope, outbound join,
 * provisioning, deprovisioning, and the flows staged as pending exports by value against what the target holds.
 */
final class Outbound {
    private final SyncSession s;

    Outbound(SyncSession session) {
        this.s = session;
    }

    void sync(UUID mvId) {
        MvObject mv = s.tx.mv(mvId).orElse(null);
        if (mv == null) {
            return;
        }
        for (ConnectorSettings target : s.settings.connectors()) {
            syncTo(mv, target);
        }
    }

    private void syncTo(MvObject mv, ConnectorSettings target) {
        List<SyncRule> rules = s.settings.rules(target.name(), Direction.OUTBOUND, mv.objectType());
        CsObject cs = linkedIn(mv.id(), target.name());
        if (rules.isEmpty() && cs == null) {
            return;
        }
        if (cs != null && cs.isTransient()) {
            s.trace.join(cs, "transient: receives nothing until its rename or deletion is imported");
            return;
        }
        List<SyncRule> inScope = s.inScope(rules, mv.valueMap(), null, describe(mv), s.memberOf(mv, target.name()));
        if (cs != null && cs.link().direction() == Direction.OUTBOUND) {
            SyncRule linking = s.settings.rule(cs.link().rule()).orElse(null);
            if (linking == null || !inScope.contains(linking)) {
                s.trace.join(cs, "the linking rule '" + cs.link().rule() + "' is no longer in scope");
                if (cs.link().kind() == LinkKind.PROVISIONED) {
                    deprovision(cs);
                } else {
                    s.tx.putCs(cs.withLink(null));
                    s.log.count(RunLog.Counter.DISCONNECTORS);
                }
                return;
            }
        }
        if (cs == null) {
            cs = link(mv, target, inScope);
            if (cs == null) {
                return;
            }
        } else if (cs.link().direction() == Direction.INBOUND && !joinRuleInScope(cs, inScope)) {
            s.trace.join(
                    cs, "receives nothing: no outbound rule with join conditions or link type Provision is in scope");
            PendingExport existing = s.tx.pendingExport(cs.id()).orElse(null);
            if (existing != null && existing.kind() == PendingExport.Kind.UPDATE) {
                s.tx.removePendingExport(cs.id());
            }
            return;
        }
        flows(mv, cs, target, inScope, rules);
    }

    /** An object linked by an inbound rule receives flows only while an outbound rule for its type joins it. */
    private static boolean joinRuleInScope(CsObject cs, List<SyncRule> inScope) {
        List<SyncRule> forType = inScope.stream()
                .filter(r -> r.targetObjectType().equalsIgnoreCase(cs.objectType()))
                .toList();
        return SyncSession.joinRuleInScope(cs.link(), Direction.OUTBOUND, forType);
    }

    private CsObject linkedIn(UUID mvId, String connector) {
        for (UUID id : s.tx.csLinkedTo(mvId)) {
            CsObject cs = s.tx.cs(id).orElseThrow();
            if (cs.connector().equals(connector)) {
                return cs;
            }
        }
        return null;
    }

    /** Joins an existing object of the target, or provisions a new one; null when neither happened. */
    private CsObject link(MvObject mv, ConnectorSettings target, List<SyncRule> inScope) {
        OutboundJoin.Outcome joined = new OutboundJoin(s).join(mv, target, inScope);
        if (joined.cs() != null || joined.rule() == null) {
            return joined.cs();
        }
        SyncRule rule = joined.rule();
        String dn = provisioningDn(mv, rule);
        if (dn == null) {
            return null;
        }
        Link link = new Link(mv.id(), rule.name(), Direction.OUTBOUND, LinkKind.PROVISIONED);
        CsObject existing = s.tx.csByDn(target.name(), dn).orElse(null);
        if (existing != null) {
            if (existing.isLinked()) {
                s.log.error(
                        ErrorCode.PROVISIONING_DN_TAKEN,
                        dn + " is linked to metaverse object " + existing.link().mvId() + " already",
                        existing,
                        mv.id(),
                        rule.name(),
                        "dn");
                return null;
            }
            CsObject linked = existing.withLink(new Link(mv.id(), rule.name(), Direction.OUTBOUND, LinkKind.JOINED));
            s.tx.putCs(linked);
            s.log.count(RunLog.Counter.JOINS);
            s.trace.join(linked, "reverse-joined on DN by rule '" + rule.name() + "'");
            return linked;
        }
        CsObject cs = CsObject.provisioned(s.settings.newId(), target.name(), dn, rule.targetObjectType(), link);
        s.tx.insertCs(cs);
        s.log.count(RunLog.Counter.PROVISIONS);
        s.trace.join(cs, "provisioned by rule '" + rule.name() + "'");
        s.outbound.addAll(s.tx.mvReferencing(mv.id()));
        return cs;
    }

    private String provisioningDn(MvObject mv, SyncRule rule) {
        for (Transformation flow : rule.transformations()) {
            if (flow.target().equalsIgnoreCase("dn")) {
                Value v = s.evaluate(flow, rule, s.mvContext(mv, rule), null, mv.id());
                if (v == null) {
                    return null;
                }
                List<AttributeValue> values = ValueBridge.toAttributeValues(v);
                if (!values.isEmpty()) {
                    return values.get(0).toString();
                }
            }
        }
        s.log.error(
                ErrorCode.PROVISIONING_DN_MISSING,
                "rule '" + rule.name() + "' provisions " + describe(mv) + " but its dn flow gives no value",
                null,
                mv.id(),
                rule.name(),
                "dn");
        return null;
    }

    /**
     * Stages a delete of a provisioned object (or drops it when its add was never exported); the object is no longer
     * linked.
     */
    void deprovision(CsObject cs) {
        s.trace.join(cs, "deprovisioned");
        if (cs.anchor() == null) {
            s.tx.removeCs(cs.id());
            return;
        }
        CsObject unlinked = cs.withLink(null);
        s.tx.putCs(unlinked);
        s.tx.putPendingExport(new PendingExport(
                cs.connector(),
                cs.id(),
                cs.anchor(),
                cs.dn(),
                cs.objectType(),
                PendingExport.Kind.DELETE,
                null,
                List.of(),
                0,
                null));
    }

    private void flows(
            MvObject mv, CsObject cs, ConnectorSettings target, List<SyncRule> inScope, List<SyncRule> rules) {
        PendingExport existing = s.tx.pendingExport(cs.id()).orElse(null);
        if (existing != null && existing.kind() == PendingExport.Kind.DELETE) {
            return;
        }
        cs = release(cs);
        boolean adding = cs.anchor() == null;
        Set<String> managed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<Contribution> contributions = new ArrayList<>();
        for (SyncRule rule : rules) {
            if (!rule.targetObjectType().equalsIgnoreCase(cs.objectType())) {
                continue;
            }
            rule.transformations().forEach(f -> managed.add(f.target()));
            if (!inScope.contains(rule)) {
                continue;
            }
            for (Transformation flow : rule.transformations()) {
                Value v = flow.applyOnce() && !adding
                        ? Value.IGNORE_THIS_FLOW
                        : s.evaluate(flow, rule, s.mvContext(mv, rule), cs, mv.id());
                if (v == null) {
                    return;
                }
                Contribution c = SyncSession.contribution(rule, flow, v, target.name(), null, describe(mv));
                contributions.add(translate(c, target.name()));
            }
        }
        int errors = s.log.errorCount();
        Map<String, Resolution> resolved = AttributeResolver.resolve(
                contributions, s.contributionOrder(), managed, s.resolverListener(cs.toString(), cs, mv.id()));
        if (s.log.errorCount() > errors) {
            return;
        }
        TreeMap<String, List<AttributeValue>> current = Changes.withExportMemory(cs);
        String newDn = null;
        List<AttributeChange> changes = new ArrayList<>();
        for (Map.Entry<String, Resolution> e : resolved.entrySet()) {
            String attribute = e.getKey();
            Resolution r = e.getValue();
            if (r.kind() == Resolution.Kind.KEEP) {
                continue;
            }
            if (attribute.equalsIgnoreCase("dn")) {
                newDn = r.values().isEmpty() ? null : r.values().get(0).toString();
                continue;
            }
            List<AttributeValue> want = Quarantine.filter(cs, target, attribute, r.values());
            List<AttributeValue> cur = current.getOrDefault(attribute, List.of());
            if (adding) {
                if (!want.isEmpty()) {
                    changes.add(AttributeChange.add(attribute, want));
                }
                continue;
            }
            if (ValueDiff.sameValues(cur, want)) {
                continue;
            }
            if (target.immutableAttributes().contains(attribute) && !cur.isEmpty()) {
                s.log.error(
                        ErrorCode.SOURCE_ANCHOR_CHANGED,
                        attribute + " may not change after the object was exported: it holds " + cur
                                + ", the rules now give " + want + "; the object is not exported until it returns",
                        cs,
                        mv.id(),
                        r.winner() == null ? null : r.winner().rule().name(),
                        attribute);
                if (existing != null) {
                    s.tx.removePendingExport(cs.id());
                }
                return;
            }
            ValueDiff.diff(changes, attribute, cur, want, target.multiValued(cs.objectType(), attribute));
        }
        stage(cs, existing, renameTo(cs, newDn, mv), changes);
    }

    /** Quarantined values that no other object of the connector space holds any more flow again. */
    private CsObject release(CsObject cs) {
        if (cs.quarantined().isEmpty()) {
            return cs;
        }
        TreeMap<String, List<AttributeValue>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        cs.quarantined().forEach((attribute, values) -> {
            List<AttributeValue> still = values.stream()
                    .filter(v ->
                            s.tx.findCs(cs.connector(), attribute, v).stream().anyMatch(id -> !id.equals(cs.id())))
                    .toList();
            if (!still.isEmpty()) {
                kept.put(attribute, still);
            }
        });
        if (kept.equals(cs.quarantined())) {
            return cs;
        }
        CsObject released = cs.withQuarantined(kept);
        s.tx.putCs(released);
        return released;
    }

    private String renameTo(CsObject cs, String newDn, MvObject mv) {
        if (newDn == null || newDn.equals(cs.dn())) {
            return null;
        }
        CsObject holder = s.tx.csByDn(cs.connector(), newDn).orElse(null);
        if (holder != null && !holder.id().equals(cs.id())) {
            s.log.error(ErrorCode.PROVISIONING_DN_TAKEN, newDn + " is held by another object", cs, mv.id(), null, "dn");
            return null;
        }
        return newDn;
    }

    private void stage(CsObject cs, PendingExport existing, String newDn, List<AttributeChange> changes) {
        PendingExport staged;
        if (cs.anchor() == null) {
            if (newDn != null) {
                cs = cs.withDn(newDn);
                s.tx.putCs(cs);
            }
            staged = new PendingExport(
                    cs.connector(),
                    cs.id(),
                    null,
                    cs.dn(),
                    cs.objectType(),
                    PendingExport.Kind.ADD,
                    null,
                    changes,
                    0,
                    null);
        } else if (changes.isEmpty() && newDn == null) {
            staged = null;
        } else {
            staged = new PendingExport(
                    cs.connector(),
                    cs.id(),
                    cs.anchor(),
                    cs.dn(),
                    cs.objectType(),
                    PendingExport.Kind.UPDATE,
                    newDn,
                    changes,
                    0,
                    null);
        }
        if (staged == null) {
            if (existing != null) {
                s.tx.removePendingExport(cs.id());
            }
        } else if (!staged.sameChange(existing)) {
            s.tx.putPendingExport(staged);
        }
    }

    /** Metaverse references become DNs in the target; one whose target object is not there yet waits. */
    private Contribution translate(Contribution c, String connector) {
        if (c.values().stream().noneMatch(v -> v instanceof AttributeValue.Reference)) {
            return c;
        }
        List<AttributeValue> values = new ArrayList<>();
        for (AttributeValue v : c.values()) {
            if (v instanceof AttributeValue.Reference r) {
                UUID id = parse(r.dn());
                CsObject t = id == null ? null : linkedIn(id, connector);
                if (t != null) {
                    values.add(AttributeValue.reference(t.dn()));
                }
            } else {
                values.add(v);
            }
        }
        return SyncSession.withValues(c, values);
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String describe(MvObject mv) {
        return "metaverse " + mv.objectType() + " " + mv.id();
    }
}
