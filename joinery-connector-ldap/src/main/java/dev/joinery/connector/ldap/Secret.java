package dev.joinery.connector.ldap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A secret the connector reads only when it needs it (a bind password, a trust store password): a reference
 * such as {@code ${env:NAME}} or {@code ${file:PATH}} and the source that resolves it. {@link #toString()}
 * shows the reference, never the value. Immutable and thread-safe.
 */
public final class Secret {
    private final String reference;
    private final Supplier<char[]> source;

    private Secret(String reference, Supplier<char[]> source) {
        this.reference = reference;
        this.source = source;
    }

    /**
     * A secret by reference: {@code ${env:NAME}} (an environment variable) or {@code ${file:PATH}} (the file's
     * content, without a final line break).
     *
     * @throws IllegalArgumentException when the reference has neither form; the message does not repeat it
     */
    public static Secret of(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.startsWith("${env:") && reference.endsWith("}")) {
            String name = reference.substring(6, reference.length() - 1);
            return new Secret(reference, () -> {
                String value = System.getenv(name);
                if (value == null) {
                    throw new IllegalStateException("the environment variable " + name + " is not set");
                }
                return value.toCharArray();
            });
        }
        if (reference.startsWith("${file:") && reference.endsWith("}")) {
            Path path = Path.of(reference.substring(7, reference.length() - 1));
            return new Secret(reference, () -> {
                try {
                    String value = Files.readString(path, StandardCharsets.UTF_8);
                    return value.replaceFirst("\\r?\\n$", "").toCharArray();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the secret file " + path + ": " + e.getMessage());
                }
            });
        }
        throw new IllegalArgumentException("a secret is a reference ${env:NAME} or ${file:PATH}, not a value");
    }

    /** A secret held in memory, for tests and embedding; shown as {@code <literal>}. */
    public static Secret literal(char[] value) {
        char[] copy = value.clone();
        return new Secret("<literal>", copy::clone);
    }

    /** The reference, safe to show. */
    public String reference() {
        return reference;
    }

    /** The secret's value, a new array the caller should clear after use. */
    public char[] resolve() {
        return source.get();
    }

    /** A secret read from {@code source} only when resolved, shown as {@code reference}; for configuration bridges. */
    static Secret deferred(String reference, Supplier<char[]> source) {
        return new Secret(Objects.requireNonNull(reference, "reference"), Objects.requireNonNull(source, "source"));
    }

    @Override
    public String toString() {
        return "Secret[" + reference + "]";
    }
}
