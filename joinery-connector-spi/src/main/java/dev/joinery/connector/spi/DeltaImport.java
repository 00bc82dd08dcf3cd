package dev.joinery.connector.spi;

/** Capability: read only what changed since a watermark (AD DirSync cookie, uSNChanged, Graph delta link). */
public interface DeltaImport {

    /**
     * Sends the changes since {@code since} to the sink (upserts with the whole object as it is now, and
     * deletes), with checkpoints, and returns the watermark to continue from next time.
     *
     * @param since a watermark this connector returned before; never {@link Watermark#NONE}
     * @throws ConnectorException when the import cannot complete; {@link ConnectorError.Code#WATERMARK_EXPIRED}
     *     tells the engine that a full import is needed
     */
    Watermark deltaImport(Watermark since, ImportSink sink);
}
