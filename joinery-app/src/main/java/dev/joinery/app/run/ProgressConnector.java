package dev.joinery.app.run;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
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
import java.util.List;
import java.util.function.Supplier;

/**
 * A connector that counts the objects its delegate imports and exports into the current {@link Progress}. Only
 * made for a delegate with every capability, so the engine's capability checks see the same answers.
 */
final class ProgressConnector implements Connector, SchemaDiscovery, FullImport, DeltaImport, Export {
    private final Connector delegate;
    private final Supplier<Progress> progress;

    private ProgressConnector(Connector delegate, Supplier<Progress> progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    /** {@code connector} wrapped when it has every capability, else itself. */
    static Connector wrap(Connector connector, Supplier<Progress> progress) {
        if (connector instanceof SchemaDiscovery
                && connector instanceof FullImport
                && connector instanceof DeltaImport
                && connector instanceof Export) {
            return new ProgressConnector(connector, progress);
        }
        return connector;
    }

    @Override
    public void open(ConnectorContext context) {
        delegate.open(context);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public ConnectorSchema discoverSchema() {
        return ((SchemaDiscovery) delegate).discoverSchema();
    }

    @Override
    public Watermark fullImport(ImportSink sink) {
        return ((FullImport) delegate).fullImport(counting(sink));
    }

    @Override
    public Watermark deltaImport(Watermark since, ImportSink sink) {
        return ((DeltaImport) delegate).deltaImport(since, counting(sink));
    }

    @Override
    public int maxBatchSize() {
        return ((Export) delegate).maxBatchSize();
    }

    @Override
    public List<ExportResult> export(List<ExportChange> batch) {
        List<ExportResult> results = ((Export) delegate).export(batch);
        progress.get().advance(batch.size());
        return results;
    }

    private ImportSink counting(ImportSink sink) {
        return new ImportSink() {
            @Override
            public void accept(ImportChange change) {
                sink.accept(change);
                progress.get().advance(1);
            }

            @Override
            public void checkpoint(Watermark watermark) {
                sink.checkpoint(watermark);
            }
        };
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
