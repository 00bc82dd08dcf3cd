package dev.joinery.testkit;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code inmemory} connector kind, for tests that drive the command line: {@code directory: NAME} names an
 * {@link InMemoryConnector} shared by the whole JVM, which a test fills (or replaces with {@link #register}) before
 * it runs commands. Thread-safe.
 */
public final class InMemoryConnectorFactory implements ConnectorFactory {
    static final Option<String> DIRECTORY = Option.string("directory")
            .withDescription("Name of the JVM-wide in-memory directory this connector reads and writes.")
            .required();

    static final OptionSet OPTIONS = OptionSet.of("inmemory", DIRECTORY);

    private static final Map<String, InMemoryConnector> CONNECTORS = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return "inmemory";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Connector create(String name, ConnectorConfig config) {
        return connector(config.get(DIRECTORY));
    }

    /** The connector over the directory named {@code name}; a new one (users and groups schema) on first use. */
    public static InMemoryConnector connector(String name) {
        return CONNECTORS.computeIfAbsent(name, n -> InMemoryConnector.builder(InMemoryDirectory.create())
                .schema(TestSchemas.usersAndGroups())
                .build());
    }

    /** Makes {@code connector} the one named {@code name}, replacing any other. */
    public static void register(String name, InMemoryConnector connector) {
        CONNECTORS.put(name, connector);
    }

    /** Forgets every directory. */
    public static void reset() {
        CONNECTORS.clear();
    }
}
