package dev.joinery.engine.sync;

import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Full Synchronization and Delta Synchronization run profiles of a connector, and preview. Full synchronization
 * processes every object of the connector space; delta synchronization only those with a pending import, and the
 * metaverse objects they reach. Both commit in batches and go outbound for the metaverse objects they change. Not
 * thread-safe: one run at a time.
 */
public final class Synchronizer {
    /**
     * The longest time between two completed synchronizations of a connector after which a delta is not trusted: "Must
     * run a delta sync at least every 7 days (and within 7 days after a full sync) or a full sync is required".
     */
    public static final java.time.Duration MAX_SYNC_GAP = java.time.Duration.ofDays(7);

    private final SyncStore store;
    private final SyncSettings settings;

    public Synchronizer(SyncStore store, SyncSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Runs a full synchronization; when it completes (with or without object errors, not stopped) it saves the rules'
     * {@link RulesFingerprint} for the connector.
     */
    public RunRecord fullSync(String connector) {
        return run(connector, true, null);
    }

    /** A full synchronization whose run record gives {@code reason} as its message when it completes. */
    public RunRecord fullSync(String connector, String reason) {
        return run(connector, true, reason);
    }

    public RunRecord deltaSync(String connector) {
        return run(connector, false, null);
    }

    /**
     * Whether the connector needs a full synchronization because the rules changed since its last completed one, or
     * it never had one: "sync-rule changes ⇒ Full Sync on that connector".
     */
    public boolean rulesChanged(String connector) {
        settings.requireConnector(connector);
        try (SyncTransaction tx = store.begin()) {
            return !tx.rulesFingerprint(connector).equals(Optional.of(RulesFingerprint.of(settings, connector)));
        }
    }

    /**
     * Whether the connector's last completed synchronization (full or delta, with or without object errors) ended
     * more than {@link #MAX_SYNC_GAP} ago by the settings' clock; false when it never had one (the rule fingerprint
     * check asks for the full synchronization then).
     */
    public boolean overdue(String connector) {
        settings.requireConnector(connector);
        Instant last = null;
        try (SyncTransaction tx = store.begin()) {
            for (RunRecord r : tx.runs(connector)) {
                boolean sync = r.step() == RunStep.FULL_SYNC || r.step() == RunStep.DELTA_SYNC;
                boolean completed = r.status() == RunStatus.SUCCESS
                        || r.status() == RunStatus.COMPLETED_WITH_WARNINGS
                        || r.status() == RunStatus.COMPLETED_WITH_ERRORS;
                if (sync
                        && completed
                        && r.end() != null
                        && (last == null || r.end().isAfter(last))) {
                    last = r.end();
                }
            }
        }
        return last != null && last.plus(MAX_SYNC_GAP).isBefore(settings.clock().instant());
    }

    private RunRecord run(String connector, boolean full, String reason) {
        settings.requireConnector(connector);
        Instant start = settings.clock().instant();
        RunLog log = new RunLog(
                settings.newId(),
                full ? RunStep.FULL_SYNC : RunStep.DELTA_SYNC,
                connector,
                start,
                settings.errorLimit());
        List<UUID> ids;
        try (SyncTransaction tx = store.begin()) {
            ids = full ? tx.csIds(connector) : tx.pendingImports(connector);
            tx.putRun(log.record(RunStatus.IN_PROGRESS, null, null));
            tx.commit();
        }
        RunStatus stopped = null;
        String message = null;
        for (int i = 0; i < ids.size() && stopped == null; i += settings.batchSize()) {
            List<UUID> batch = ids.subList(i, Math.min(ids.size(), i + settings.batchSize()));
            try (SyncTransaction tx = store.begin()) {
                SyncSession session = new SyncSession(settings, tx, log, SyncTrace.NONE, full);
                tx.prefetchCs(batch);
                batch.forEach(session.inbound::process);
                session.drain();
                log.flush(tx);
                tx.commit();
            } catch (RuntimeException e) {
                log.discardUnflushed();
                throw e;
            }
            if (log.limitExceeded()) {
                stopped = RunStatus.STOPPED_ERROR_LIMIT;
                message = "stopped after " + log.errorCount() + " errors (limit " + settings.errorLimit() + ")";
                log.error(ErrorCode.ERROR_LIMIT_EXCEEDED, message, null, null, null, null);
            }
        }
        RunRecord record = log.record(
                stopped != null ? stopped : log.completedStatus(),
                settings.clock().instant(),
                stopped != null ? message : reason);
        try (SyncTransaction tx = store.begin()) {
            log.flush(tx);
            if (full && stopped == null) {
                tx.saveRulesFingerprint(connector, RulesFingerprint.of(settings, connector));
            }
            tx.putRun(record);
            tx.commit();
        }
        return record;
    }

    /**
     * Previews a full synchronization of one object and rolls everything back.
     *
     * @throws IllegalArgumentException when the connector space holds no object with that DN
     */
    public Preview preview(String connector, String dn) {
        try (SyncTransaction tx = store.begin()) {
            CsObject cs = tx.csByDn(connector, dn)
                    .orElseThrow(() -> new IllegalArgumentException("no object " + dn + " in " + connector));
            Recorder trace = new Recorder();
            RunLog log = new RunLog(
                    settings.newId(),
                    RunStep.FULL_SYNC,
                    connector,
                    settings.clock().instant(),
                    Integer.MAX_VALUE);
            SyncSession session = new SyncSession(settings, tx, log, trace, true);
            session.inbound.process(cs.id());
            session.drain();
            CsObject after = tx.cs(cs.id()).orElse(null);
            MvObject mv = after != null && after.isLinked()
                    ? tx.mv(after.link().mvId()).orElse(null)
                    : null;
            Set<UUID> mvIds = new LinkedHashSet<>(trace.metaverse);
            if (mv != null) {
                mvIds.add(mv.id());
            }
            Map<UUID, PendingExport> exports = new LinkedHashMap<>();
            for (UUID mvId : mvIds) {
                for (UUID id : tx.csLinkedTo(mvId)) {
                    tx.pendingExport(id).ifPresent(p -> exports.put(id, p));
                }
            }
            for (UUID id : trace.objects) {
                tx.pendingExport(id).ifPresent(p -> exports.put(id, p));
            }
            Preview preview = new Preview(
                    cs, trace.scopes, trace.join, trace.flows, mv, new ArrayList<>(exports.values()), log.errors());
            tx.rollback();
            return preview;
        }
    }

    private static final class Recorder implements SyncTrace {
        final List<Preview.RuleScope> scopes = new ArrayList<>();
        final List<String> join = new ArrayList<>();
        final List<Preview.Flow> flows = new ArrayList<>();
        final Set<UUID> metaverse = new LinkedHashSet<>();
        final Set<UUID> objects = new LinkedHashSet<>();

        @Override
        public void scope(SyncRule rule, String object, boolean inScope, String reason) {
            scopes.add(new Preview.RuleScope(rule.name(), rule.direction(), object, inScope, reason));
        }

        @Override
        public void join(CsObject cs, String outcome) {
            join.add(cs + ": " + outcome);
            objects.add(cs.id());
        }

        @Override
        public void flow(SyncRule rule, String object, String attribute, String value, boolean won) {
            flows.add(new Preview.Flow(rule.name(), object, attribute, value, won));
        }

        @Override
        public void metaverse(UUID mvId) {
            metaverse.add(mvId);
        }
    }
}
