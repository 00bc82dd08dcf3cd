package dev.joinery.connector.spi;

import java.util.List;

/** Capability: apply changes to the directory. */
public interface Export {

    /** The most changes the engine should put in one batch. */
    default int maxBatchSize() {
        return 100;
    }

    /**
     * Applies a batch and reports on every change, in the batch's order. A change that fails does not stop the
     * others unless the connection itself is lost, in which case this method throws and the engine retries
     * the whole batch later (every change is keyed by anchor or DN, so a retry creates nothing twice).
     *
     * @return one result per change, same size and order as {@code batch}
     * @throws ConnectorException when the directory cannot be reached at all
     */
    List<ExportResult> export(List<ExportChange> batch);
}
