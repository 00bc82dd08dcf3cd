package dev.joinery.engine.run;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.sync.Membership;
import dev.joinery.engine.sync.RunLog;
import dev.joinery.engine.sync.SyncSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Full Import and Delta Import: a connector's objects into its connector space. Changes are committed in batches;
 * a delta import saves each checkpoint's watermark with the batch it ends, a full import only its final one. A full
 * import's unseen objects become pending deletes only when it completes, so a failed full import deletes nothing.
 * Imports never touch the metaverse.
 */
final class ImportRun {
    private final SyncStore store;
    private final SyncSettings settings;

    ImportRun(SyncStore store, SyncSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    RunRecord full(String connector, FullImport source) {
        return run(connector, RunStep.FULL_IMPORT, sink -> source.fullImport(sink));
    }

    RunRecord delta(String connector, DeltaImport source, Watermark since) {
        return run(connector, RunStep.DELTA_IMPORT, sink -> source.deltaImport(since, sink));
    }

    private interface Call {
        Watermark run(ImportSink sink);
    }

    private RunRecord run(String connector, RunStep step, Call call) {
        RunLog log =
                new RunLog(settings.newId(), step, connector, settings.clock().instant(), settings.errorLimit());
        Sink sink = new Sink(connector, step == RunStep.FULL_IMPORT, log);
        RunStatus status;
        String message = null;
        try {
            Watermark end = call.run(sink);
            sink.finish(end);
            status = log.completedStatus();
        } catch (ConnectorException e) {
            log.discardUnflushed();
            ConnectorError error = e.error();
            message = error.code() == ConnectorError.Code.WATERMARK_EXPIRED
                    ? "the watermark expired; run a full import: " + error.message()
                    : error.code() + ": " + error.message();
            log.error(ErrorCode.IMPORT_FAILED, message, null, null, null, null);
            status = RunStatus.STOPPED_CONNECTOR_ERROR;
        }
        RunRecord record = log.record(status, settings.clock().instant(), message);
        try (SyncTransaction tx = store.begin()) {
            log.flush(tx);
            tx.putRun(record);
            tx.commit();
        }
        return record;
    }

    private final class Sink implements ImportSink {
        private final String connector;
        private final boolean full;
        private final RunLog log;
        private final List<ImportChange> buffer = new ArrayList<>();
        private final Set<UUID> seen = new HashSet<>();
        /** Whether an inbound rule of the connector scopes by group membership (ISMEMBEROF, ISNOTMEMBEROF). */
        private final boolean scopesByMembership;

        Sink(String connector, boolean full, RunLog log) {
            this.connector = connector;
            this.full = full;
            this.log = log;
            this.scopesByMembership = settings.rules().stream()
                    .filter(r -> r.connector().equals(connector) && r.direction() == Direction.INBOUND)
                    .flatMap(r -> r.scope().groups().stream())
                    .flatMap(List::stream)
                    .anyMatch(c ->
                            c.operator() == ScopeOperator.ISMEMBEROF || c.operator() == ScopeOperator.ISNOTMEMBEROF);
        }

        /**
         * Objects that joined or left a group are synchronized again at the next synchronization, though they did not
         * change themselves: an ISMEMBEROF scope reads the group's {@code member}, so theirs may have changed.
         */
        private void membersChanged(SyncTransaction tx, List<AttributeValue> before, List<AttributeValue> after) {
            if (!scopesByMembership || before.equals(after)) {
                return;
            }
            for (String dn : Membership.changed(before, after)) {
                tx.csByDn(connector, dn)
                        .filter(m -> m.pendingImport() == PendingImport.NONE)
                        .ifPresent(m -> tx.putCs(m.withPendingImport(PendingImport.UPDATE)));
            }
        }

        @Override
        public void accept(ImportChange change) {
            buffer.add(change);
            if (buffer.size() >= settings.batchSize()) {
                flush(null, false);
            }
        }

        @Override
        public void checkpoint(Watermark watermark) {
            flush(full ? null : watermark, false);
        }

        void finish(Watermark end) {
            flush(end, full);
        }

        private void flush(Watermark watermark, boolean deleteUnseen) {
            try (SyncTransaction tx = store.begin()) {
                buffer.forEach(c -> apply(tx, c));
                if (deleteUnseen) {
                    for (UUID id : tx.csIds(connector)) {
                        if (seen.contains(id)) {
                            continue; // most objects: not read again
                        }
                        CsObject cs = tx.cs(id).orElseThrow();
                        if (cs.anchor() != null && cs.pendingImport() != PendingImport.DELETE) {
                            tx.putCs(cs.withPendingImport(PendingImport.DELETE));
                            membersChanged(tx, cs.values("member"), List.of());
                            log.count(RunLog.Counter.DELETES);
                        }
                    }
                }
                if (watermark != null) {
                    tx.saveWatermark(connector, watermark);
                }
                log.flush(tx);
                tx.commit();
            }
            buffer.clear();
        }

        private void apply(SyncTransaction tx, ImportChange change) {
            log.count(RunLog.Counter.PROCESSED);
            if (change.kind() == ImportChange.Kind.DELETE) {
                tx.csByAnchor(connector, change.anchor())
                        .filter(cs -> cs.pendingImport() != PendingImport.DELETE)
                        .ifPresent(cs -> {
                            tx.putCs(cs.withPendingImport(PendingImport.DELETE));
                            membersChanged(tx, cs.values("member"), List.of());
                            log.count(RunLog.Counter.DELETES);
                        });
                return;
            }
            ConnectorObject o = change.object();
            CsObject cs = tx.csByAnchor(connector, o.anchor()).orElse(null);
            if (cs == null) {
                CsObject byDn = tx.csByDn(connector, o.dn()).orElse(null);
                if (byDn != null && byDn.anchor() == null) {
                    cs = byDn.withAnchor(o.anchor());
                }
            }
            makeTransient(tx, o, cs);
            if (cs == null) {
                CsObject added = CsObject.imported(
                        settings.newId(), connector, o.anchor(), o.dn(), o.objectType(), o.attributes());
                tx.insertCs(added);
                membersChanged(tx, List.of(), added.values("member"));
                seen.add(added.id());
                log.count(RunLog.Counter.ADDS);
                return;
            }
            seen.add(cs.id());
            boolean renamed = !cs.dn().equals(o.dn());
            boolean changed = renamed
                    || !cs.attributes().equals(o.attributes())
                    || !cs.objectType().equals(o.objectType())
                    || cs.pendingImport() == PendingImport.DELETE;
            CsObject updated = new CsObject(
                    cs.id(),
                    connector,
                    o.anchor(),
                    o.dn(),
                    o.objectType(),
                    o.attributes(),
                    cs.link(),
                    changed
                            ? cs.pendingImport() == PendingImport.ADD ? PendingImport.ADD : PendingImport.UPDATE
                            : cs.pendingImport(),
                    Map.of(),
                    cs.quarantined());
            if (!updated.equals(cs)) {
                tx.putCs(updated);
                membersChanged(tx, cs.values("member"), updated.values("member"));
            }
            if (changed) {
                log.count(RunLog.Counter.UPDATES);
                if (renamed) {
                    log.count(RunLog.Counter.RENAMES);
                }
            }
        }

        /**
         * Another object holding the DN with another anchor was deleted or renamed in a way not yet imported: "DN match
         * with a different anchor ⇒ old object gets a temporary DN and becomes transient until the rename/deletion is
         * imported". It keeps its link; synchronization and export leave it alone until its own change arrives (a
         * full import that does not see it marks it deleted as usual).
         */
        private void makeTransient(SyncTransaction tx, ConnectorObject o, CsObject keep) {
            tx.csByDn(connector, o.dn())
                    .filter(other -> keep == null || !other.id().equals(keep.id()))
                    .filter(other -> !o.anchor().equals(other.anchor()))
                    .ifPresent(other -> tx.putCs(other.asTransient()));
        }
    }
}
