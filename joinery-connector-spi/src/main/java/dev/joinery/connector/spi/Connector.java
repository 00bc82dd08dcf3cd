package dev.joinery.connector.spi;

/**
 * One connected directory. The engine opens a connector, uses the capabilities it implements from one thread
 * at a time, and closes it; a connector may be opened again after it was closed.
 *
 * <p>Implementations are created by their own factory from their configuration; this interface carries only
 * the lifecycle.
 */
public interface Connector extends AutoCloseable {

    /**
     * Connects (or checks that the directory can be reached) and validates credentials.
     *
     * @throws ConnectorException when the directory cannot be used; {@link ConnectorException#retriable()}
     *     says whether trying again later may help
     */
    void open(ConnectorContext context);

    /** Releases connections. Never throws; closing a closed connector does nothing. */
    @Override
    void close();
}
