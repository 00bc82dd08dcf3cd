package dev.joinery.engine.run;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.Preview;
import dev.joinery.engine.sync.RunLog;
import dev.joinery.engine.sync.SyncSettings;
import dev.joinery.engine.sync.Synchronizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs run profiles on connectors and sync cycles over all of them, against one store. Every run is recorded in the
 * store's run history with its counts and errors. Not thread-safe: one run at a time, like the reference's
 * single-threaded sync engine.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder(store, settings).connector("AD", ad).connector("cloud", cloud).build();
 * engine.cycle(SyncEngine.Cycle.INITIAL);   // full import, full sync, export
 * engine.cycle(SyncEngine.Cycle.DELTA);     // delta import, delta sync, export
 * }</pre>
 */
public final class SyncEngine {
    /** The sync cycle policies: "Delta|Initial". */
    public enum Cycle {
        INITIAL,
        DELTA
    }

    /** The message of a full synchronization that a delta cycle ran because the rules changed. */
    public static final String FULL_SYNC_REASON =
            "the sync rules changed since the last full synchronization of this connector";

    /** The message of a full synchronization that a delta cycle ran because no synchronization completed for a week. */
    public static final String OVERDUE_REASON = "no synchronization of this connector completed in the last "
            + Synchronizer.MAX_SYNC_GAP.toDays() + " days, so a delta may have missed changes";

    private final SyncStore store;
    private final SyncSettings settings;
    private final Map<String, Connector> connectors;

    private SyncEngine(SyncStore store, SyncSettings settings, Map<String, Connector> connectors) {
        this.store = store;
        this.settings = settings;
        this.connectors = connectors;
    }

    public static Builder builder(SyncStore store, SyncSettings settings) {
        return new Builder(store, settings);
    }

    public SyncSettings settings() {
        return settings;
    }

    /** This engine with other settings (staging mode, a threshold), over the same store and connectors. */
    public SyncEngine withSettings(SyncSettings other) {
        return new SyncEngine(store, other, connectors);
    }

    public RunRecord fullImport(String connector) {
        Connector c = require(connector);
        if (!(c instanceof FullImport full)) {
            return unsupported(connector, RunStep.FULL_IMPORT);
        }
        return withOpen(connector, RunStep.FULL_IMPORT, () -> new ImportRun(store, settings).full(connector, full));
    }

    /** A delta import from the saved watermark; a full import when none is saved or the connector has no deltas. */
    public RunRecord deltaImport(String connector) {
        Connector c = require(connector);
        Watermark since;
        try (SyncTransaction tx = store.begin()) {
            since = tx.watermark(connector);
        }
        if (!(c instanceof DeltaImport delta) || since.isNone()) {
            return fullImport(connector);
        }
        return withOpen(
                connector, RunStep.DELTA_IMPORT, () -> new ImportRun(store, settings).delta(connector, delta, since));
    }

    public RunRecord fullSync(String connector) {
        return new Synchronizer(store, settings).fullSync(connector);
    }

    public RunRecord deltaSync(String connector) {
        return new Synchronizer(store, settings).deltaSync(connector);
    }

    public RunRecord export(String connector) {
        Connector c = require(connector);
        if (!(c instanceof Export export)) {
            return unsupported(connector, RunStep.EXPORT);
        }
        if (settings.stagingMode()) {
            return new ExportRun(store, settings).run(connector, export);
        }
        return withOpen(connector, RunStep.EXPORT, () -> new ExportRun(store, settings).run(connector, export));
    }

    /** Previews a full synchronization of one object without committing anything. */
    public Preview preview(String connector, String dn) {
        return new Synchronizer(store, settings).preview(connector, dn);
    }

    /**
     * A sync cycle: imports from every connector in order, synchronizations in order, then exports in reverse order
     * (the scheduler's "export to Entra ID, export to on-prem" with the cloud connector added last). A stopped run
     * does not stop the cycle. A delta cycle runs a full synchronization instead of a delta one on a connector whose
     * rules changed since its last completed full synchronization, or that never had one ("sync-rule changes ⇒ Full
     * Sync on that connector"; see {@link dev.joinery.engine.sync.RulesFingerprint}).
     */
    public List<RunRecord> cycle(Cycle policy) {
        List<RunRecord> runs = new ArrayList<>();
        List<ConnectorSettings> order = settings.connectors();
        for (ConnectorSettings c : order) {
            if (connectors.get(c.name()) instanceof FullImport) {
                runs.add(policy == Cycle.INITIAL ? fullImport(c.name()) : deltaImport(c.name()));
            }
        }
        for (ConnectorSettings c : order) {
            Synchronizer sync = new Synchronizer(store, settings);
            if (policy == Cycle.INITIAL) {
                runs.add(sync.fullSync(c.name()));
            } else if (sync.rulesChanged(c.name())) {
                runs.add(sync.fullSync(c.name(), FULL_SYNC_REASON));
            } else if (sync.overdue(c.name())) {
                runs.add(sync.fullSync(c.name(), OVERDUE_REASON));
            } else {
                runs.add(sync.deltaSync(c.name()));
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            if (connectors.get(order.get(i).name()) instanceof Export) {
                runs.add(export(order.get(i).name()));
            }
        }
        return runs;
    }

    private Connector require(String name) {
        settings.requireConnector(name);
        Connector c = connectors.get(name);
        if (c == null) {
            throw new IllegalArgumentException("connector '" + name + "' has no implementation");
        }
        return c;
    }

    private interface Run {
        RunRecord run();
    }

    /** Opens the connector for the run and closes it after; a connector that cannot open stops the run. */
    private RunRecord withOpen(String name, RunStep step, Run run) {
        Connector c = connectors.get(name);
        try {
            c.open(new Context(name, settings.clock()));
        } catch (ConnectorException e) {
            return failed(name, step, e.error());
        }
        try {
            return run.run();
        } finally {
            c.close();
        }
    }

    private RunRecord failed(String connector, RunStep step, ConnectorError error) {
        RunLog log =
                new RunLog(settings.newId(), step, connector, settings.clock().instant(), settings.errorLimit());
        String message = "the connector could not be opened: " + error.code() + ": " + error.message();
        log.error(
                step == RunStep.EXPORT ? ErrorCode.EXPORT_FAILED : ErrorCode.IMPORT_FAILED,
                message,
                null,
                null,
                null,
                null);
        RunRecord record =
                log.record(RunStatus.STOPPED_CONNECTOR_ERROR, settings.clock().instant(), message);
        try (SyncTransaction tx = store.begin()) {
            log.flush(tx);
            tx.putRun(record);
            tx.commit();
        }
        return record;
    }

    private RunRecord unsupported(String connector, RunStep step) {
        throw new IllegalArgumentException("connector '" + connector + "' cannot run " + step.profile());
    }

    private record Context(String connectorName, Clock clock) implements ConnectorContext {}

    /** Collects the connector implementations. Not thread-safe. */
    public static final class Builder {
        private final SyncStore store;
        private final SyncSettings settings;
        private final Map<String, Connector> connectors = new LinkedHashMap<>();

        private Builder(SyncStore store, SyncSettings settings) {
            this.store = Objects.requireNonNull(store, "store");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** The implementation of a configured connector. */
        public Builder connector(String name, Connector connector) {
            settings.requireConnector(name);
            if (connectors.putIfAbsent(name, Objects.requireNonNull(connector, "connector")) != null) {
                throw new IllegalArgumentException("connector '" + name + "' was already given");
            }
            return this;
        }

        /** @throws IllegalArgumentException when a configured connector has no implementation */
        public SyncEngine build() {
            for (ConnectorSettings c : settings.connectors()) {
                if (!connectors.containsKey(c.name())) {
                    throw new IllegalArgumentException("connector '" + c.name() + "' has no implementation");
                }
            }
            return new SyncEngine(store, settings, Map.copyOf(connectors));
        }
    }
}
