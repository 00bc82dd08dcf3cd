package dev.joinery.engine.run;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.sync.Changes;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.RunLog;
import dev.joinery.engine.sync.SyncSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Export run profile: sends a connector's pending exports in batches and records each result. An add's anchor is
 * recorded on its object; applied values go to the object's export memory until an import confirms them; a retriable
 * failure stays pending; a permanent one stays pending with its error and is reported. Before anything is sent, the
 * deletion threshold is checked: "export stops before deleting anything". In staging mode nothing is sent.
 */
final class ExportRun {
    private final SyncStore store;
    private final SyncSettings settings;

    ExportRun(SyncStore store, SyncSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    RunRecord run(String connector, Export target) {
        RunLog log = new RunLog(
                settings.newId(), RunStep.EXPORT, connector, settings.clock().instant(), settings.errorLimit());
        Plan plan;
        int size;
        try (SyncTransaction tx = store.begin()) {
            plan = Plan.of(tx, connector);
            size = tx.csCount(connector);
        }
        RunStatus status = null;
        String message = null;
        int limit = settings.deletionThreshold().limit(size - plan.adds);
        if (settings.stagingMode()) {
            status = RunStatus.SKIPPED_STAGING;
            message = "staging mode: " + plan.size() + " pending exports were not exported";
        } else if (plan.deletes > limit) {
            status = RunStatus.STOPPED_DELETION_THRESHOLD;
            message = "Prevent Accidental Deletes: the number of deletions (" + plan.deletes
                    + " pending deletes) has exceeded the current threshold of "
                    + settings.deletionThreshold().describe() + " (" + limit + "); nothing was exported";
            log.error(ErrorCode.DELETION_THRESHOLD_EXCEEDED, message, null, null, null, null);
        } else {
            Exporter exporter = new Exporter(settings.requireConnector(connector), target, log);
            LookupJoin lookupJoin = target instanceof dev.joinery.connector.spi.ObjectLookup lookup
                    ? new LookupJoin(settings, lookup, log)
                    : null;
            int batchSize = Math.max(1, target.maxBatchSize());
            List<Planned> order = plan.order();
            for (int i = 0; i < order.size() && status == null; ) {
                List<Planned> planned = new ArrayList<>();
                int parts = 0;
                while (i < order.size()
                        && (planned.isEmpty()
                                || (parts + order.get(i).parts() <= batchSize
                                        && order.get(i).rank() == planned.get(0).rank()))) {
                    parts += order.get(i).parts();
                    planned.add(order.get(i++));
                }
                try (SyncTransaction tx = store.begin()) {
                    List<UUID> ids = new ArrayList<>(planned.size());
                    planned.forEach(p -> ids.add(p.csId()));
                    tx.prefetchCs(ids);
                    List<PendingExport> batch = new ArrayList<>(planned.size());
                    for (UUID id : ids) {
                        boolean isTransient =
                                tx.cs(id).map(CsObject::isTransient).orElse(false);
                        tx.pendingExport(id).filter(p -> !isTransient).ifPresent(batch::add);
                    }
                    if (lookupJoin != null) {
                        List<PendingExport> resolved = new ArrayList<>(batch.size());
                        for (PendingExport p : batch) {
                            PendingExport r = p.kind() == PendingExport.Kind.ADD ? lookupJoin.resolve(tx, p) : p;
                            if (r != null) {
                                resolved.add(r);
                            }
                        }
                        batch = resolved;
                    }
                    ConnectorError lost = batch.isEmpty() ? null : exporter.export(tx, batch);
                    log.flush(tx);
                    tx.commit();
                    if (lost != null) {
                        status = RunStatus.STOPPED_CONNECTOR_ERROR;
                        message = lost.code() + ": " + lost.message();
                    }
                }
                if (status == null && log.limitExceeded()) {
                    status = RunStatus.STOPPED_ERROR_LIMIT;
                    message = "stopped after " + log.errorCount() + " errors (limit " + settings.errorLimit() + ")";
                    log.error(ErrorCode.ERROR_LIMIT_EXCEEDED, message, null, null, null, null);
                }
            }
        }
        RunRecord record = log.record(
                status != null ? status : log.completedStatus(),
                settings.clock().instant(),
                message);
        try (SyncTransaction tx = store.begin()) {
            log.flush(tx);
            tx.putRun(record);
            tx.commit();
        }
        return record;
    }

    /** The rank of each pending export among adds: 0 unless it references adds, then one more than theirs. */
    static Map<UUID, Integer> referenceRanks(List<PendingExport> pending) {
        Map<UUID, Integer> ranks = new HashMap<>();
        Plan.of(pending::forEach).planned.forEach(p -> ranks.put(p.csId(), p.rank() % 1_000_000));
        return ranks;
    }

    /** One pending export in the plan: what ordering and batching need, not its changes. */
    record Planned(UUID csId, int rank, int parts) {}

    /**
     * The order of an export run, read in one pass over the pending exports without holding them (a million of them
     * would not fit the heap): deletes, then adds, then updates, each in the order staged, adds ranked by the adds they
     * reference (a group after its members, a nesting group after the groups it nests) so that a target that resolves
     * references when it creates an object finds them; each rank goes in batches of its own. Objects waiting as
     * transient are skipped when their batch comes (they stay pending); they count here, which can only make the
     * deletion threshold stricter.
     */
    static final class Plan {
        private final List<Planned> planned = new ArrayList<>();
        private final List<Integer> kinds = new ArrayList<>();
        int deletes;
        int adds;

        static Plan of(SyncTransaction tx, String connector) {
            return of(action -> tx.forEachPendingExport(connector, action));
        }

        static Plan of(java.util.function.Consumer<java.util.function.Consumer<PendingExport>> exports) {
            Plan plan = new Plan();
            Map<String, Integer> addsByDn = new HashMap<>();
            Map<Integer, List<String>> referencedDns = new HashMap<>(); // by the index of the add that references
            exports.accept(p -> {
                int index = plan.planned.size();
                plan.planned.add(new Planned(p.csId(), 0, partsOf(p)));
                plan.kinds.add(p.kind().ordinal());
                if (p.kind() == PendingExport.Kind.DELETE) {
                    plan.deletes++;
                } else if (p.kind() == PendingExport.Kind.ADD) {
                    plan.adds++;
                    addsByDn.put(p.dn().toLowerCase(Locale.ROOT), index);
                    List<String> dns = null;
                    for (AttributeChange c : p.changes()) {
                        for (AttributeValue v : c.values()) {
                            if (v instanceof AttributeValue.Reference r) {
                                if (dns == null) {
                                    dns = new ArrayList<>();
                                }
                                dns.add(r.dn().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                    if (dns != null) {
                        referencedDns.put(index, dns);
                    }
                }
            });
            Map<Integer, int[]> edges = new HashMap<>();
            for (Map.Entry<Integer, List<String>> e : referencedDns.entrySet()) {
                int from = e.getKey();
                int[] to = e.getValue().stream()
                        .map(addsByDn::get)
                        .filter(t -> t != null && t != from)
                        .mapToInt(Integer::intValue)
                        .toArray();
                if (to.length > 0) {
                    edges.put(from, to);
                }
            }
            int[] ranks = new int[plan.planned.size()];
            java.util.Arrays.fill(ranks, -1);
            for (int from : edges.keySet()) {
                rankOf(from, edges, ranks, new HashSet<>());
            }
            for (int i = 0; i < ranks.length; i++) {
                Planned p = plan.planned.get(i);
                int rank = plan.kinds.get(i) * 1_000_000 + Math.max(0, ranks[i]);
                plan.planned.set(i, new Planned(p.csId(), rank, p.parts()));
            }
            return plan;
        }

        private static int rankOf(int p, Map<Integer, int[]> edges, int[] ranks, Set<Integer> visiting) {
            if (ranks[p] >= 0) {
                return ranks[p];
            }
            if (!visiting.add(p)) {
                return 0;
            }
            int rank = 0;
            for (int target : edges.getOrDefault(p, new int[0])) {
                rank = Math.max(rank, 1 + rankOf(target, edges, ranks, visiting));
            }
            visiting.remove(p);
            ranks[p] = rank;
            return rank;
        }

        int size() {
            return planned.size();
        }

        /** Deletes, adds by rank, updates; the order staged within each. */
        List<Planned> order() {
            List<Planned> order = new ArrayList<>(planned);
            order.sort(Comparator.comparingInt(Planned::rank));
            return order;
        }
    }

    private static int partsOf(PendingExport p) {
        return p.kind() == PendingExport.Kind.UPDATE
                        && p.newDn() != null
                        && !p.changes().isEmpty()
                ? 2
                : 1;
    }

    /** Sends batches and applies results inside the batch's transaction. */
    private static final class Exporter {
        private final ConnectorSettings connector;
        private final Export target;
        private final RunLog log;

        Exporter(ConnectorSettings connector, Export target, RunLog log) {
            this.connector = connector;
            this.target = target;
            this.log = log;
        }

        /** @return the error when the connection was lost (every change of the batch stays pending), else null */
        ConnectorError export(SyncTransaction tx, List<PendingExport> batch) {
            List<ExportChange> changes = new ArrayList<>();
            batch.forEach(p -> changes.addAll(toChanges(p)));
            List<ExportResult> results;
            try {
                results = target.export(changes);
            } catch (ConnectorException e) {
                for (PendingExport p : batch) {
                    tx.putPendingExport(p.failed(e.error()));
                }
                log.error(ErrorCode.EXPORT_FAILED, "export stopped: " + e.getMessage(), null, null, null, null);
                return e.error();
            }
            int at = 0;
            for (PendingExport p : batch) {
                int n = toChanges(p).size();
                apply(tx, p, results.subList(at, at + n), true);
                at += n;
            }
            return null;
        }

        private void apply(SyncTransaction tx, PendingExport p, List<ExportResult> results, boolean mayQuarantine) {
            CsObject cs = tx.cs(p.csId()).orElse(null);
            if (cs == null) {
                return;
            }
            ExportResult first = results.get(0);
            if (p.kind() == PendingExport.Kind.DELETE) {
                if (first.isApplied() || first.error().code() == ConnectorError.Code.NOT_FOUND) {
                    tx.removeCs(cs.id());
                    log.count(RunLog.Counter.DELETES);
                    log.count(RunLog.Counter.EXPORTED);
                } else {
                    fail(tx, p, cs, first.error(), mayQuarantine);
                }
                return;
            }
            if (p.kind() == PendingExport.Kind.ADD) {
                if (first.isApplied()) {
                    tx.putCs(cs.withAnchor(first.anchor()).withExportMemory(memory(cs, p)));
                    tx.removePendingExport(cs.id());
                    log.count(RunLog.Counter.ADDS);
                    log.count(RunLog.Counter.EXPORTED);
                } else {
                    fail(tx, p, cs, first.error(), mayQuarantine);
                }
                return;
            }
            int i = 0;
            if (p.newDn() != null) {
                ExportResult rename = results.get(i++);
                if (!rename.isApplied()) {
                    fail(tx, p, cs, rename.error(), mayQuarantine);
                    return;
                }
                cs = cs.withDn(p.newDn());
                tx.putCs(cs);
                log.count(RunLog.Counter.RENAMES);
                p = new PendingExport(
                        p.connector(),
                        p.csId(),
                        p.anchor(),
                        p.newDn(),
                        p.objectType(),
                        p.kind(),
                        null,
                        p.changes(),
                        p.attempts(),
                        p.lastError());
            }
            if (!p.changes().isEmpty()) {
                ExportResult modify = results.get(i);
                if (!modify.isApplied()) {
                    tx.putPendingExport(p);
                    fail(tx, p, cs, modify.error(), mayQuarantine);
                    return;
                }
                tx.putCs(cs.withExportMemory(memory(cs, p)));
                log.count(RunLog.Counter.UPDATES);
            }
            tx.removePendingExport(cs.id());
            log.count(RunLog.Counter.EXPORTED);
        }

        private void fail(
                SyncTransaction tx, PendingExport p, CsObject cs, ConnectorError error, boolean mayQuarantine) {
            if (mayQuarantine
                    && error.code() == ConnectorError.Code.CONFLICT
                    && error.attribute() != null
                    && connector.uniqueAttributes().contains(error.attribute())) {
                PendingExport rewritten = new Resiliency(tx, connector, log).quarantine(p, cs, error.attribute());
                if (rewritten != null) {
                    retry(tx, rewritten);
                    return;
                }
            }
            tx.putPendingExport(p.failed(error));
            log.error(
                    ErrorCode.EXPORT_FAILED,
                    (error.retriable() ? "retriable " : "permanent ") + error.code() + ": " + error.message(),
                    cs,
                    cs.link() == null ? null : cs.link().mvId(),
                    null,
                    error.attribute());
        }

        private void retry(SyncTransaction tx, PendingExport p) {
            if (p.kind() == PendingExport.Kind.UPDATE && p.changes().isEmpty() && p.newDn() == null) {
                tx.removePendingExport(p.csId());
                return;
            }
            tx.putPendingExport(p);
            List<ExportResult> results;
            try {
                results = target.export(toChanges(p));
            } catch (ConnectorException e) {
                tx.putPendingExport(p.failed(e.error()));
                log.error(ErrorCode.EXPORT_FAILED, "export stopped: " + e.getMessage(), null, null, null, null);
                return;
            }
            apply(tx, p, results, false);
        }

        /**
         * The export memory after the change applied: what the directory now holds of each changed attribute, as far
         * as the engine knows; an attribute cleared is remembered empty, so it is not staged for clearing again.
         */
        private static java.util.Map<String, List<dev.joinery.connector.spi.AttributeValue>> memory(
                CsObject cs, PendingExport p) {
            var expected = Changes.expected(cs, p);
            var memory = new java.util.TreeMap<String, List<dev.joinery.connector.spi.AttributeValue>>(
                    String.CASE_INSENSITIVE_ORDER);
            memory.putAll(cs.exportMemory());
            for (AttributeChange c : p.changes()) {
                memory.put(c.name(), expected.getOrDefault(c.name(), List.of()));
            }
            return memory;
        }

        static List<ExportChange> toChanges(PendingExport p) {
            switch (p.kind()) {
                case ADD:
                    var attributes =
                            new java.util.LinkedHashMap<String, List<dev.joinery.connector.spi.AttributeValue>>();
                    p.changes().forEach(c -> attributes.put(c.name(), c.values()));
                    return List.of(new ExportChange.Add(p.objectType(), p.dn(), attributes));
                case DELETE:
                    return List.of(new ExportChange.Delete(p.anchor(), p.dn()));
                default:
                    List<ExportChange> list = new ArrayList<>();
                    String dn = p.dn();
                    if (p.newDn() != null) {
                        list.add(new ExportChange.Rename(p.anchor(), dn, p.newDn()));
                        dn = p.newDn();
                    }
                    if (!p.changes().isEmpty()) {
                        list.add(new ExportChange.Modify(p.anchor(), dn, p.changes()));
                    }
                    return list;
            }
        }
    }
}
