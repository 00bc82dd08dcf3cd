package dev.joinery.connector.spi;

/**
 * Capability: read every object in scope. The engine treats objects it held before and did not receive as
 * deleted, but only when the import completes: a full import that fails part-way deletes nothing.
 */
public interface FullImport {

    /**
     * Sends every object in scope to the sink as {@link ImportChange.Kind#UPSERT}, with a
     * {@link ImportSink#checkpoint(Watermark)} now and then, and returns the watermark from which a later
     * delta import continues (or {@link Watermark#NONE} when the connector cannot import deltas).
     *
     * @throws ConnectorException when the import cannot complete
     */
    Watermark fullImport(ImportSink sink);
}
