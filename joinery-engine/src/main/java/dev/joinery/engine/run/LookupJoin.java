package dev.joinery.engine.run;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ObjectLookup;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.Link;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.sync.RunLog;
import dev.joinery.engine.sync.SyncSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outbound join against the directory itself, just before an add is sent to a target that can look objects up
 * ({@link ObjectLookup}): the synchronization joined against the connector space, which holds what the last import
 * saw; an object created in the directory since (a cloud user made by hand, a SCIM account the application made) would
 * otherwise be created twice, or the add refused as a duplicate. The provisioning rule's join groups are asked of the
 * directory in order, the metaverse attribute of each condition giving the value and its target attribute the
 * attribute looked up: exactly one match joins (the add becomes an update of that object, which Azure AD Connect
 * calls a hard match when the attribute is the sourceAnchor), several are an ambiguous join reported on the object
 * (nothing is sent; the add stays pending), none lets the add go. The price is a lookup per add and join condition
 * (for Graph a read, which does not count against the write limits), paid on every export, the first included: that
 * is when objects made by hand are most likely.
 */
final class LookupJoin {
    private final SyncSettings settings;
    private final ObjectLookup lookup;
    private final RunLog log;

    LookupJoin(SyncSettings settings, ObjectLookup lookup, RunLog log) {
        this.settings = settings;
        this.lookup = lookup;
        this.log = log;
    }

    /**
     * The export to send for {@code add}: the add itself, an update of the directory's object it joined (staged in
     * {@code tx}), or null when nothing is to be sent now.
     */
    PendingExport resolve(SyncTransaction tx, PendingExport add) {
        CsObject cs = tx.cs(add.csId()).orElse(null);
        if (cs == null || !cs.isLinked() || cs.anchor() != null) {
            return add;
        }
        SyncRule rule =
                settings.rule(cs.link().rule()).filter(SyncRule::hasJoin).orElse(null);
        MvObject mv = tx.mv(cs.link().mvId()).orElse(null);
        if (rule == null || mv == null) {
            return add;
        }
        boolean several = false;
        for (JoinGroup group : rule.join()) {
            Map<Anchor, ConnectorObject> found;
            try {
                found = matches(mv, rule, group);
            } catch (IllegalArgumentException cannotLookUp) {
                return add; // the target cannot filter on this attribute: the connector space's join is all there is
            }
            if (found.size() == 1) {
                ConnectorObject o = found.values().iterator().next();
                if (tx.csByAnchor(cs.connector(), o.anchor()).isPresent()) {
                    return add; // imported already, and the synchronization did not join it: not ours to take
                }
                return join(tx, cs, add, rule, o);
            }
            several |= found.size() > 1;
        }
        if (several) {
            log.error(
                    ErrorCode.JOIN_AMBIGUOUS,
                    "the join groups of rule '" + rule.name() + "' found several objects in " + cs.connector() + " for "
                            + cs.dn() + " and none exactly one; nothing was created",
                    cs,
                    mv.id(),
                    rule.name(),
                    null);
            return null;
        }
        return add;
    }

    private Map<Anchor, ConnectorObject> matches(MvObject mv, SyncRule rule, JoinGroup group) {
        Map<Anchor, ConnectorObject> result = null;
        for (JoinCondition c : group.conditions()) {
            Map<Anchor, ConnectorObject> found = new LinkedHashMap<>();
            for (AttributeValue v : mv.values(c.sourceAttribute())) {
                for (ConnectorObject o : lookup.find(rule.targetObjectType(), c.targetAttribute(), v)) {
                    if (!c.caseSensitive() || o.values(c.targetAttribute()).contains(v)) {
                        found.put(o.anchor(), o);
                    }
                }
            }
            if (result == null) {
                result = found;
            } else {
                result.keySet().retainAll(found.keySet());
            }
            if (result.isEmpty()) {
                return Map.of();
            }
        }
        return result == null ? Map.of() : result;
    }

    /** Links the object to the directory's, and turns the add into the changes that object still needs. */
    private PendingExport join(SyncTransaction tx, CsObject cs, PendingExport add, SyncRule rule, ConnectorObject o) {
        // the object keeps the DN the rule gave it, which the references staged for it use; the update makes the
        // directory's object match it, and the next import confirms
        CsObject joined = cs.withAnchor(o.anchor())
                .withLink(new Link(cs.link().mvId(), rule.name(), cs.link().direction(), LinkKind.JOINED));
        tx.putCs(joined);
        log.count(RunLog.Counter.JOINS);
        List<AttributeChange> changes = new ArrayList<>();
        for (AttributeChange c : add.changes()) {
            if (!new HashSet<>(o.values(c.name())).equals(Set.copyOf(c.values()))) {
                changes.add(AttributeChange.replace(c.name(), c.values()));
            }
        }
        if (changes.isEmpty()) {
            tx.removePendingExport(cs.id());
            return null;
        }
        PendingExport update = new PendingExport(
                cs.connector(),
                cs.id(),
                o.anchor(),
                cs.dn(),
                add.objectType(),
                PendingExport.Kind.UPDATE,
                null,
                changes,
                0,
                null);
        tx.putPendingExport(update);
        return update;
    }
}
