package dev.joinery.engine.run;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.Attributes;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.Quarantine;
import dev.joinery.engine.sync.RunLog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Duplicate attribute resiliency on export: "conflicting UPN / SMTP proxyAddress is quarantined instead of failing
 * the object". The conflicting values are those another object of the connector space holds (all offered values of
 * the attribute when no holder is known); they are kept on the object as quarantined, left out of this and later
 * exports (a single-valued attribute gets the placeholder), and reported on both objects. Outbound synchronization
 * releases a quarantined value once no other object holds it.
 */
final class Resiliency {
    private final SyncTransaction tx;
    private final ConnectorSettings connector;
    private final RunLog log;

    Resiliency(SyncTransaction tx, ConnectorSettings connector, RunLog log) {
        this.tx = tx;
        this.connector = connector;
        this.log = log;
    }

    /** @return the change without the quarantined values, or null when nothing could be quarantined */
    PendingExport quarantine(PendingExport p, CsObject cs, String attribute) {
        List<AttributeValue> offered = new ArrayList<>();
        for (AttributeChange c : p.changes()) {
            if (c.name().equalsIgnoreCase(attribute)
                    && (c.operation() == AttributeChange.Operation.ADD
                            || c.operation() == AttributeChange.Operation.REPLACE)) {
                offered.addAll(c.values());
            }
        }
        if (offered.isEmpty()) {
            return null;
        }
        List<AttributeValue> conflicting = new ArrayList<>();
        Set<UUID> holders = new LinkedHashSet<>();
        for (AttributeValue v : offered) {
            List<UUID> others = tx.findCs(connector.name(), attribute, v).stream()
                    .filter(id -> !id.equals(cs.id()))
                    .toList();
            if (!others.isEmpty()) {
                conflicting.add(v);
                holders.addAll(others);
            }
        }
        if (conflicting.isEmpty()) {
            conflicting.addAll(offered);
        }
        var quarantined = Attributes.mutable(cs.quarantined());
        List<AttributeValue> held = new ArrayList<>(quarantined.getOrDefault(attribute, List.of()));
        conflicting.stream().filter(v -> !held.contains(v)).forEach(held::add);
        quarantined.put(attribute, held);
        CsObject updated = cs.withQuarantined(quarantined);
        tx.putCs(updated);
        List<AttributeChange> rewritten = new ArrayList<>();
        for (AttributeChange c : p.changes()) {
            if (!c.name().equalsIgnoreCase(attribute)
                    || c.operation() == AttributeChange.Operation.DELETE
                    || c.operation() == AttributeChange.Operation.CLEAR) {
                rewritten.add(c);
                continue;
            }
            List<AttributeValue> kept = Quarantine.filter(updated, connector, attribute, c.values());
            if (!kept.isEmpty()) {
                rewritten.add(new AttributeChange(c.name(), c.operation(), kept));
            }
        }
        List<String> holderDns = new ArrayList<>();
        for (UUID id : holders) {
            tx.cs(id).ifPresent(h -> {
                holderDns.add(h.dn());
                log.error(
                        ErrorCode.DUPLICATE_ATTRIBUTE_QUARANTINED,
                        "holds " + attribute + " " + conflicting + " that " + cs.dn() + " also wants; " + cs.dn()
                                + "'s value was quarantined",
                        h,
                        h.link() == null ? null : h.link().mvId(),
                        null,
                        attribute);
            });
        }
        log.error(
                ErrorCode.DUPLICATE_ATTRIBUTE_QUARANTINED,
                attribute + " " + conflicting + " is held by "
                        + (holderDns.isEmpty() ? "another object of the directory" : String.join(", ", holderDns))
                        + "; the value was quarantined and the object exported without it",
                updated,
                updated.link() == null ? null : updated.link().mvId(),
                null,
                attribute);
        return p.withChanges(p.newDn(), rewritten);
    }
}
