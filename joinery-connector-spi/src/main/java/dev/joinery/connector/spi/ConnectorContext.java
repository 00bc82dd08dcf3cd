package dev.joinery.connector.spi;

import java.time.Clock;

/** What the engine hands a connector when it opens it. Implementations are thread-safe. */
public interface ConnectorContext {

    /** The connector's configured name, for messages and logs. */
    String connectorName();

    /** The clock to read; tests pass a fake one. */
    Clock clock();
}
