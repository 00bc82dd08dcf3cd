package dev.joinery.testkit;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.SchemaDiscovery;
import dev.joinery.connector.spi.Watermark;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A connector over an {@link InMemoryDirectory}, with every capability and run-time fault injection through
 * its {@link FaultPlan}. Thread-safe; a test may change the directory and the faults while it runs.
 *
 * <ul>
 *   <li>Scope: with a schema, the objects whose type it declares; with an empty schema, every object.
 *   <li>Full import: one upsert per object in scope, read at one instant, a checkpoint every
 *       {@link Builder#checkpointEvery(int)} objects; every checkpoint and the result carry the change number
 *       of that instant, from which a delta import picks up what changed during and after the import.
 *   <li>Delta import: the changes since the watermark, collapsed to one upsert of the present state or one
 *       delete per object (nothing for an object added and deleted since), in the order of each object's last
 *       change. A watermark older than the {@link Builder#watermarkRetention(Duration) retention}, from before
 *       a {@link InMemoryDirectory#trimChangeLog(long) trimmed} change log, or ahead of the directory fails
 *       with {@code WATERMARK_EXPIRED}; one this connector did not issue with {@code OTHER} (permanent).
 *   <li>Export: each change in order, by anchor. Modify is permissive (see {@link InMemoryDirectory}); with a
 *       schema, values it does not allow are a {@code CONSTRAINT_VIOLATION}; a taken DN or unique value is a
 *       {@code CONFLICT} (naming the attribute); an absent anchor is {@code NOT_FOUND}.
 * </ul>
 *
 * <pre>{@code
 * InMemoryDirectory directory = InMemoryDirectory.create();
 * InMemoryConnector connector = InMemoryConnector.builder(directory)
 *         .schema(TestSchemas.usersAndGroups())
 *         .build();
 * connector.open(TestConnectorContext.of(FakeClock.create()));
 * connector.faults().set(Operation.EXPORT_ADD, Fault.next(1, BreakMode.THROTTLED));
 * List<ExportResult> results = connector.export(List.of(
 *         new ExportChange.Add("user", "CN=Bob,DC=example,DC=com", Map.of()),
 *         new ExportChange.Add("user", "CN=Carol,DC=example,DC=com", Map.of())));
 * assertThat(results).extracting(ExportResult::isApplied).containsExactly(false, true);
 * }</pre>
 */
public final class InMemoryConnector implements Connector, SchemaDiscovery, FullImport, DeltaImport, Export {
    private final InMemoryDirectory directory;
    private final ConnectorSchema schema;
    private final FaultPlan faults;
    private final int checkpointEvery;
    private final Duration watermarkRetention;
    private final int maxBatchSize;
    private volatile Clock clock;

    private InMemoryConnector(Builder b) {
        this.directory = b.directory;
        this.schema = b.schema;
        this.faults = b.faults;
        this.checkpointEvery = b.checkpointEvery;
        this.watermarkRetention = b.watermarkRetention;
        this.maxBatchSize = b.maxBatchSize;
    }

    public static Builder builder(InMemoryDirectory directory) {
        return new Builder(directory);
    }

    public InMemoryDirectory directory() {
        return directory;
    }

    public FaultPlan faults() {
        return faults;
    }

    public boolean isOpen() {
        return clock != null;
    }

    /** @throws ConnectorException when {@link Operation#OPEN} is broken; the connector stays closed */
    @Override
    public synchronized void open(ConnectorContext context) {
        Objects.requireNonNull(context, "context");
        failIfStruck(Operation.OPEN);
        clock = context.clock();
    }

    @Override
    public synchronized void close() {
        clock = null;
    }

    @Override
    public ConnectorSchema discoverSchema() {
        requireOpen();
        failIfStruck(Operation.SCHEMA);
        return schema;
    }

    @Override
    public Watermark fullImport(ImportSink sink) {
        Clock now = requireOpen();
        Fault fault = faults.strike(Operation.FULL_IMPORT);
        InMemoryDirectory.Snapshot snapshot = directory.snapshot();
        Watermark watermark = new SequenceWatermark(snapshot.sequence(), now.instant()).toWatermark();
        List<ImportChange> changes = new ArrayList<>();
        for (ConnectorObject o : snapshot.objects()) {
            if (inScope(o.objectType())) {
                changes.add(ImportChange.upsert(o));
            }
        }
        send(Operation.FULL_IMPORT, fault, changes, i -> watermark, sink);
        return watermark;
    }

    @Override
    public Watermark deltaImport(Watermark since, ImportSink sink) {
        Clock now = requireOpen();
        Fault fault = faults.strike(Operation.DELTA_IMPORT);
        SequenceWatermark from = SequenceWatermark.parse(since);
        if (watermarkRetention != null
                && from.issuedAt().plus(watermarkRetention).isBefore(now.instant())) {
            throw expired("the watermark is older than the retention of " + watermarkRetention);
        }
        InMemoryDirectory.Delta delta = directory.deltaSince(from.sequence());
        if (from.sequence() < delta.trimmedThrough()) {
            throw expired("the change log was trimmed through " + delta.trimmedThrough());
        }
        if (from.sequence() > delta.sequence()) {
            throw expired("the watermark is ahead of the directory (restored from a backup?)");
        }
        List<DeltaCollapse.Net> net = DeltaCollapse.collapse(delta.changes(), delta.current(), this::inScope);
        List<ImportChange> changes = net.stream().map(DeltaCollapse.Net::change).toList();
        send(
                Operation.DELTA_IMPORT,
                fault,
                changes,
                i -> new SequenceWatermark(net.get(i).lastSequence(), now.instant()).toWatermark(),
                sink);
        return new SequenceWatermark(delta.sequence(), now.instant()).toWatermark();
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /**
     * @throws IllegalArgumentException when the batch is larger than {@link #maxBatchSize()}
     * @throws ConnectorException at a change broken by {@link BreakMode#NETWORK} or {@link BreakMode#TIMEOUT};
     *     the changes before it stay applied
     */
    @Override
    public List<ExportResult> export(List<ExportChange> batch) {
        requireOpen();
        if (batch.size() > maxBatchSize) {
            throw new IllegalArgumentException(
                    "a batch holds at most " + maxBatchSize + " changes, not " + batch.size());
        }
        List<ExportResult> results = new ArrayList<>(batch.size());
        for (ExportChange change : batch) {
            Operation operation = Operation.of(change);
            Fault fault = faults.strike(operation);
            if (fault == null) {
                results.add(apply(change));
            } else if (fault.mode().losesConnection()) {
                throw new ConnectorException(fault.mode().error(operation));
            } else {
                results.add(ExportResult.failed(fault.mode().error(operation)));
            }
        }
        return results;
    }

    private ExportResult apply(ExportChange change) {
        try {
            return ExportResult.applied(applyOrThrow(change));
        } catch (ConnectorException e) {
            return ExportResult.failed(e.error());
        }
    }

    private Anchor applyOrThrow(ExportChange change) {
        if (change instanceof ExportChange.Add add) {
            return directory
                    .add(add.objectType(), add.dn(), add.attributes(), o -> SchemaCheck.check(schema, o))
                    .anchor();
        } else if (change instanceof ExportChange.Modify modify) {
            return directory
                    .modify(modify.anchor(), modify.changes(), o -> SchemaCheck.check(schema, o))
                    .anchor();
        } else if (change instanceof ExportChange.Rename rename) {
            return directory.rename(rename.anchor(), rename.newDn()).anchor();
        } else if (change instanceof ExportChange.Delete delete) {
            return directory.delete(delete.anchor()).anchor();
        }
        throw new IllegalArgumentException("unknown change " + change.getClass().getName());
    }

    /** Sends changes with checkpoints, breaking after the struck fault's number of objects. */
    private void send(
            Operation operation,
            Fault fault,
            List<ImportChange> changes,
            IntFunction<Watermark> checkpointAfter,
            ImportSink sink) {
        int breakAfter = fault == null ? Integer.MAX_VALUE : Math.min(fault.afterObjects(), changes.size());
        for (int i = 0; i < changes.size() && i < breakAfter; i++) {
            sink.accept(changes.get(i));
            if ((i + 1) % checkpointEvery == 0) {
                sink.checkpoint(checkpointAfter.apply(i));
            }
        }
        if (fault != null) {
            throw new ConnectorException(fault.mode().error(operation));
        }
    }

    private boolean inScope(String objectType) {
        return schema.objectTypes().isEmpty() || schema.objectType(objectType).isPresent();
    }

    private void failIfStruck(Operation operation) {
        Fault fault = faults.strike(operation);
        if (fault != null) {
            throw new ConnectorException(fault.mode().error(operation));
        }
    }

    private Clock requireOpen() {
        Clock c = clock;
        if (c == null) {
            throw new IllegalStateException("the connector is not open");
        }
        return c;
    }

    private static ConnectorException expired(String message) {
        return new ConnectorException(ConnectorError.of(ConnectorError.Code.WATERMARK_EXPIRED, message));
    }

    /** Builds an {@link InMemoryConnector}. Not thread-safe. */
    public static final class Builder {
        private final InMemoryDirectory directory;
        private ConnectorSchema schema = new ConnectorSchema(List.of());
        private FaultPlan faults = new FaultPlan();
        private int checkpointEvery = 100;
        private Duration watermarkRetention;
        private int maxBatchSize = 100;

        private Builder(InMemoryDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** What {@code discoverSchema} returns, what is in scope and what export allows; default empty. */
        public Builder schema(ConnectorSchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** The fault plan, to share one between connectors; default a new, healthy one. */
        public Builder faults(FaultPlan faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** How many objects an import sends between checkpoints; default 100. */
        public Builder checkpointEvery(int objects) {
            if (objects < 1) {
                throw new IllegalArgumentException("checkpointEvery must be at least 1, was " + objects);
            }
            this.checkpointEvery = objects;
            return this;
        }

        /** How long a watermark stays usable, like a tombstone lifetime; default forever. */
        public Builder watermarkRetention(Duration retention) {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("watermarkRetention must be positive, was " + retention);
            }
            this.watermarkRetention = retention;
            return this;
        }

        /** The largest export batch; default 100. */
        public Builder maxBatchSize(int changes) {
            if (changes < 1) {
                throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + changes);
            }
            this.maxBatchSize = changes;
            return this;
        }

        public InMemoryConnector build() {
            return new InMemoryConnector(this);
        }
    }
}
