package dev.joinery.connector.spi.config;

import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import java.util.Objects;

/**
 * The value of a secret option (a password, a client secret, a token), kept as its {@link SecretReference} and
 * resolved only when {@link #reveal()} is called. Its {@code toString()} is the reference, equality compares
 * references, and no exception it throws contains the value; Jackson sees no property to serialize. A connector
 * calls {@link #reveal()} at connect time, uses the value, and keeps it no longer than the connection needs.
 *
 * <p>Immutable and thread-safe; may not be subclassed.
 */
public final class Secret {
    private final SecretReference reference;
    private final String option;
    private final SecretResolver resolver;

    private Secret(SecretReference reference, String option, SecretResolver resolver) {
        this.reference = reference;
        this.option = option;
        this.resolver = resolver;
    }

    /**
     * A secret read through {@code resolver} when revealed.
     *
     * @param option the option path it was configured at ({@code connectors[0].bind.password}), for messages
     */
    public static Secret of(SecretReference reference, String option, SecretResolver resolver) {
        return new Secret(
                Objects.requireNonNull(reference, "reference"),
                Objects.requireNonNull(option, "option"),
                Objects.requireNonNull(resolver, "resolver"));
    }

    /** Where the value is kept; safe to show. */
    public SecretReference reference() {
        return reference;
    }

    /** The option path this secret was configured at; safe to show. */
    public String option() {
        return option;
    }

    /**
     * Resolves the reference now and returns the value. Only a connector calls this, when it connects.
     *
     * @throws ConnectorException with code {@link ConnectorError.Code#CONFIGURATION}, not retriable, when the
     *     reference cannot be resolved; the message names the option and the reference, never a value
     */
    public String reveal() {
        String value;
        try {
            value = resolver.resolve(reference);
        } catch (ConnectorException e) {
            throw new ConnectorException(
                    ConnectorError.of(
                            ConnectorError.Code.CONFIGURATION,
                            option + ": " + e.error().message()),
                    e);
        } catch (RuntimeException e) {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.CONFIGURATION,
                    option + ": cannot resolve " + reference + " ("
                            + e.getClass().getSimpleName() + ")"));
        }
        if (value == null) {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.CONFIGURATION, option + ": " + reference + " resolved to nothing"));
        }
        return value;
    }

    /** Two secrets are equal when they name the same reference at the same option; values are never compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && reference.equals(other.reference) && option.equals(other.option);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, option);
    }

    /** The reference, {@code ${env:AD_PASSWORD}}: never the value. */
    @Override
    public String toString() {
        return reference.toString();
    }
}
