package dev.joinery.app.run;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.run.SyncEngine;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.sync.ConnectorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs sync cycles and single run profiles step by step, in {@link SyncEngine#cycle}'s order (imports in connector
 * order, synchronizations in connector order, exports in reverse order), telling a {@link Progress} about each
 * step. Not thread-safe.
 */
public final class CycleRunner {
    private final SyncEngine engine;
    private final SyncRuntime runtime;
    private final Map<String, Connector> connectors;
    private Progress progress = Progress.NONE;

    /** A runner over the runtime's engine, its connectors wrapped to report progress. */
    public CycleRunner(SyncRuntime runtime) {
        this.runtime = runtime;
        this.connectors = runtime.connectors();
        SyncEngine.Builder b = SyncEngine.builder(runtime.store(), runtime.settings());
        connectors.forEach((name, c) -> b.connector(name, ProgressConnector.wrap(c, () -> progress)));
        this.engine = b.build();
    }

    public CycleRunner progress(Progress value) {
        this.progress = value;
        return this;
    }

    public SyncEngine engine() {
        return engine;
    }

    /** Whether any run of any connector is recorded: the first cycle is an initial one. */
    public boolean hasRun() {
        return !runtime.read(tx -> tx.runs(null)).isEmpty();
    }

    /**
     * A sync cycle over every connector, or over one connector's steps.
     *
     * @param full full import and full synchronization; otherwise delta (a delta import with no watermark is a full
     *     one)
     * @param only the connector whose steps alone run, or null for all
     */
    public List<RunRecord> cycle(boolean full, String only) {
        List<RunRecord> runs = new ArrayList<>();
        List<ConnectorSettings> order = runtime.settings().connectors();
        for (ConnectorSettings c : order) {
            if (selected(c, only) && connectors.get(c.name()) instanceof FullImport) {
                runs.add(step(c.name(), full ? RunStep.FULL_IMPORT : RunStep.DELTA_IMPORT));
            }
        }
        for (ConnectorSettings c : order) {
            if (selected(c, only)) {
                runs.add(step(c.name(), full ? RunStep.FULL_SYNC : RunStep.DELTA_SYNC));
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            ConnectorSettings c = order.get(i);
            if (selected(c, only) && connectors.get(c.name()) instanceof Export) {
                runs.add(step(c.name(), RunStep.EXPORT));
            }
        }
        return runs;
    }

    private static boolean selected(ConnectorSettings c, String only) {
        return only == null || c.name().equals(only);
    }

    /** One run profile on one connector. */
    public RunRecord step(String connector, RunStep step) {
        progress.begin(connector, step, expected(connector, step));
        RunRecord r =
                switch (step) {
                    case FULL_IMPORT -> engine.fullImport(connector);
                    case DELTA_IMPORT -> engine.deltaImport(connector);
                    case FULL_SYNC -> engine.fullSync(connector);
                    case DELTA_SYNC -> engine.deltaSync(connector);
                    case EXPORT -> engine.export(connector);
                };
        if (step == RunStep.FULL_SYNC || step == RunStep.DELTA_SYNC) {
            progress.advance(r.counts().processed());
        }
        progress.end(r);
        return r;
    }

    private long expected(String connector, RunStep step) {
        try (SyncTransaction tx = runtime.store().begin()) {
            return switch (step) {
                case FULL_IMPORT, FULL_SYNC -> tx.csCount(connector);
                case DELTA_IMPORT -> 0;
                case DELTA_SYNC -> tx.pendingImports(connector).size();
                case EXPORT -> tx.pendingExports(connector).size();
            };
        }
    }
}
