package dev.joinery.connector.spi;

/** Capability: the connector reads the directory's schema (object types and attributes). */
public interface SchemaDiscovery {

    /** @throws ConnectorException when the schema cannot be read */
    ConnectorSchema discoverSchema();
}
