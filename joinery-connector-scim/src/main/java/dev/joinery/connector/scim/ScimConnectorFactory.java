package dev.joinery.connector.scim;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.OptionSet;

/** The {@code scim} connector kind; found through META-INF/services. Stateless and thread-safe. */
public final class ScimConnectorFactory implements ConnectorFactory {
    @Override
    public String kind() {
        return "scim";
    }

    @Override
    public OptionSet options() {
        return ScimOptions.OPTIONS;
    }

    @Override
    public Connector create(String name, ConnectorConfig config) {
        return new ScimConnector(config, Sleeper.system());
    }
}
