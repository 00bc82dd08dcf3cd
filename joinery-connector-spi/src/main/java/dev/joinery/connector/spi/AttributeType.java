package dev.joinery.connector.spi;

/** The type of an attribute's values. */
public enum AttributeType {
    STRING,
    INTEGER,
    BOOLEAN,
    BINARY,
    REFERENCE,
    TIMESTAMP
}
