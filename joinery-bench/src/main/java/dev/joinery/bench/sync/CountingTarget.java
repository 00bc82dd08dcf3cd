package dev.joinery.bench.sync;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import java.util.ArrayList;
import java.util.List;

/** A target that applies every change and keeps only counts, so the benchmark measures the engine and store. */
final class CountingTarget implements Connector, Export {
    long adds;
    long modifies;
    long others;

    @Override
    public void open(ConnectorContext context) {}

    @Override
    public void close() {}

    @Override
    public int maxBatchSize() {
        return 500;
    }

    @Override
    public List<ExportResult> export(List<ExportChange> batch) {
        List<ExportResult> results = new ArrayList<>(batch.size());
        for (ExportChange c : batch) {
            if (c instanceof ExportChange.Add) {
                adds++;
                results.add(ExportResult.applied(Anchor.of("cloud-" + adds)));
            } else if (c instanceof ExportChange.Modify m) {
                modifies++;
                results.add(ExportResult.applied(m.anchor()));
            } else if (c instanceof ExportChange.Rename r) {
                others++;
                results.add(ExportResult.applied(r.anchor()));
            } else {
                others++;
                results.add(ExportResult.applied(((ExportChange.Delete) c).anchor()));
            }
        }
        return results;
    }
}
