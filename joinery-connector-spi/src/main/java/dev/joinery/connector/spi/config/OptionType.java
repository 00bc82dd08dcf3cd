package dev.joinery.connector.spi.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The type of an {@link Option}'s value: what is accepted in {@code joinery.yaml} and the Java type a connector
 * reads. Every constant's {@link #label()} is stable: it appears in the CLI, the API schema and the docs.
 */
public enum OptionType {
    /** Any text; a Java {@link String}. */
    STRING("string", String.class),
    /** A whole number; a Java {@link Integer}. */
    INTEGER("integer", Integer.class),
    /** {@code true} or {@code false}; a Java {@link Boolean}. */
    BOOLEAN("boolean", Boolean.class),
    /** A duration written {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, {@code 500ms} or ISO-8601 {@code PT30M}. */
    DURATION("duration", Duration.class),
    /** A YAML list of texts; an unmodifiable Java {@link List} of {@link String}. */
    STRING_LIST("list", List.class),
    /** One of a fixed set of words ({@link Option#allowedValues()}), matched ignoring case; a Java {@link String}. */
    ENUM("enum", String.class),
    /** A reference {@code ${env:NAME}} or {@code ${file:PATH}}, never a literal value; a {@link Secret}. */
    SECRET("secret", Secret.class),
    /** A file or folder; relative paths resolve against the configuration file's folder. A Java {@link Path}. */
    PATH("path", Path.class),
    /** An absolute URL or URI with a scheme ({@code ldaps://dc1:636}, {@code jdbc:postgresql://db/joinery}); a {@link URI}. */
    URL("url", URI.class);

    private final String label;
    private final Class<?> javaType;

    OptionType(String label, Class<?> javaType) {
        this.label = label;
        this.javaType = javaType;
    }

    /** The lower-case name shown to users: {@code string}, {@code integer}, ..., {@code list}, {@code url}. */
    public String label() {
        return label;
    }

    /** The class every value of this type is an instance of. */
    public Class<?> javaType() {
        return javaType;
    }
}
