package dev.joinery.connector.spi.config;

/**
 * Turns a {@link SecretReference} into the secret's value. The application supplies the implementation (reading
 * the process environment and files relative to the configuration file); tests supply a lambda. Implementations
 * are thread-safe and read the source on every call, so a rotated secret is picked up at the next connect.
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * Reads the secret {@code reference} points to.
     *
     * @return the value, never {@code null}
     * @throws dev.joinery.connector.spi.ConnectorException with code {@link
     *     dev.joinery.connector.spi.ConnectorError.Code#CONFIGURATION} when the variable is not set, the file cannot
     *     be read, or the value is empty; the message names the reference and never contains a value
     */
    String resolve(SecretReference reference);
}
