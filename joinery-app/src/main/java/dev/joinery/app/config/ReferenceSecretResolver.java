package dev.joinery.app.config;

import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.config.SecretReference;
import dev.joinery.connector.spi.config.SecretResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Resolves {@code ${env:NAME}} from the process environment and {@code ${file:PATH}} from a UTF-8 file (relative to
 * the configuration file's folder), trailing line breaks removed. Reads on every call; messages name the reference and
 * never a value or a file's content.
 */
final class ReferenceSecretResolver implements SecretResolver {
    private final Path folder;
    private final Function<String, String> environment;

    /**
     * @param folder the configuration file's folder
     * @param environment the process environment ({@code System::getenv}); a map's {@code get} in tests
     */
    ReferenceSecretResolver(Path folder, Function<String, String> environment) {
        this.folder = folder;
        this.environment = environment;
    }

    @Override
    public String resolve(SecretReference reference) {
        String value =
                reference.scheme() == SecretReference.Scheme.ENV ? fromEnvironment(reference) : fromFile(reference);
        if (value.isEmpty()) {
            throw unresolved(reference + " is empty");
        }
        return value;
    }

    private String fromEnvironment(SecretReference reference) {
        String value = environment.apply(reference.target());
        if (value == null) {
            throw unresolved("environment variable " + reference.target() + " is not set (" + reference + ")");
        }
        return value;
    }

    private String fromFile(SecretReference reference) {
        Path file = folder.resolve(reference.target()).normalize();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw unresolved("cannot read " + reference + ": no such file " + file);
        } catch (AccessDeniedException e) {
            throw unresolved("cannot read " + reference + ": permission denied on " + file);
        } catch (IOException e) {
            String why =
                    Files.isDirectory(file) ? "it is a folder" : e.getClass().getSimpleName();
            throw unresolved("cannot read " + reference + " (" + file + "): " + why);
        }
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }

    private static ConnectorException unresolved(String message) {
        return new ConnectorException(ConnectorError.of(ConnectorError.Code.CONFIGURATION, message));
    }
}
