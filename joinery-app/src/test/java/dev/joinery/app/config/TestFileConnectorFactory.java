package dev.joinery.app.config;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import java.nio.file.Path;

/** A second test-only connector kind, {@code test-file}, so kind lists have more than one entry. */
public final class TestFileConnectorFactory implements ConnectorFactory {
    static final Option<Path> PATH =
            Option.path("path").withDescription("The LDIF file.").required();
    static final OptionSet OPTIONS = OptionSet.of("test-file", PATH);

    @Override
    public String kind() {
        return "test-file";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Connector create(String name, ConnectorConfig config) {
        throw new UnsupportedOperationException("not needed by the tests");
    }
}
