package dev.joinery.connector.spi;

/**
 * Capability: read every object in scope. The engine treats objects it held before and did not receive as
 * deleted, but only when the import completes: a full import that fails part-way deletes nothing.
 *
 * <p>A checkpoint during a full import marks a commit boundary; its watermark is the position from which a
 * delta import picks up changes made since the import began. An interrupted full import is run again from the
 * start, not resumed.
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
