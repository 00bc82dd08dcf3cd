package dev.joinery.connector.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret lives, never the secret itself: {@code env:NAME}, {@code file:PATH}, or {@code value:TEXT}
 * (tests only). {@link #toString()} shows the reference, never the value. Immutable.
 */
public record SecretReference(String reference) {
    public SecretReference {
        Objects.requireNonNull(reference, "reference");
        if (!reference.startsWith("env:") && !reference.startsWith("file:") && !reference.startsWith("value:")) {
            throw new IllegalArgumentException("a secret reference starts with env:, file: or value:");
        }
    }

    public static SecretReference env(String name) {
        return new SecretReference("env:" + name);
    }

    public static SecretReference file(Path path) {
        return new SecretReference("file:" + path);
    }

    /** A literal secret, for tests. */
    public static SecretReference value(String secret) {
        return new SecretReference("value:" + secret);
    }

    /** The secret's text (a file's content without trailing line breaks). */
    String resolve() {
        String rest = reference.substring(reference.indexOf(':') + 1);
        if (reference.startsWith("env:")) {
            String v = System.getenv(rest);
            if (v == null) {
                throw new IllegalStateException("environment variable " + rest + " is not set");
            }
            return v;
        }
        if (reference.startsWith("file:")) {
            return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
        return rest;
    }

    /** The secret's bytes (a file's whole content, for a PKCS#12 certificate). */
    byte[] bytes() {
        String rest = reference.substring(reference.indexOf(':') + 1);
        if (reference.startsWith("file:")) {
            try {
                return Files.readAllBytes(Path.of(rest));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read secret file " + rest, e);
            }
        }
        return resolve().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return reference.startsWith("value:") ? "SecretReference[value:***]" : "SecretReference[" + reference + "]";
    }
}
