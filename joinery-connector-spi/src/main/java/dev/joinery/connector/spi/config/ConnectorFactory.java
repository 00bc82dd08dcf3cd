package dev.joinery.connector.spi.config;

import dev.joinery.connector.spi.Connector;

/**
 * Makes the connectors of one kind ({@code ldap}, {@code graph}, {@code scim}, {@code file}) and declares the
 * kind's options. Found with {@link java.util.ServiceLoader}: a connector jar lists its implementation in {@code
 * META-INF/services/dev.joinery.connector.spi.config.ConnectorFactory}, and needs a public no-argument
 * constructor.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ConnectorFactory {

    /**
     * The kind name written as {@code kind:} in {@code joinery.yaml}: lower-case letters, digits and hyphens,
     * unique among the installed factories. Stable: configurations depend on it.
     */
    String kind();

    /**
     * The kind's options, in the order help and docs show them. Must not use the names {@code name} and {@code
     * kind}, which every connector has. The same set on every call.
     */
    OptionSet options();

    /**
     * A connector for {@code config}, not yet opened: this method does not connect, and does not reveal secrets;
     * {@link Connector#open} does both.
     *
     * @param name the connector's configured name, unique in the configuration
     * @param config values of {@link #options()}, already validated
     */
    Connector create(String name, ConnectorConfig config);
}
