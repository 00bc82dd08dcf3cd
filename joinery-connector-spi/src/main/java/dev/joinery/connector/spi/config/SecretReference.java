package dev.joinery.connector.spi.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret is kept: {@code ${env:NAME}} (an environment variable of the Joinery process) or {@code
 * ${file:PATH}} (a file's content, trailing line breaks removed; a relative path is relative to the configuration
 * file's folder). A reference is not secret: it is what {@code joinery config show} prints and what messages name.
 */
public record SecretReference(Scheme scheme, String target) {

    /** The kinds of reference. */
    public enum Scheme {
        /** {@code ${env:NAME}}: an environment variable. */
        ENV("env"),
        /** {@code ${file:PATH}}: a file's content. */
        FILE("file");

        private final String prefix;

        Scheme(String prefix) {
            this.prefix = prefix;
        }

        /** The word before the colon: {@code env}, {@code file}. */
        public String prefix() {
            return prefix;
        }
    }

    private static final Pattern FORM = Pattern.compile("\\$\\{(env|file):(.+)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * @throws IllegalArgumentException when an environment variable name is not letters, digits and underscores
     *     (starting with a letter or underscore), or a file path is blank
     */
    public SecretReference {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(target, "target");
        if (scheme == Scheme.ENV && !ENV_NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("an environment variable name is letters, digits and underscores");
        }
        if (scheme == Scheme.FILE && target.isBlank()) {
            throw new IllegalArgumentException("a file reference needs a path");
        }
    }

    /** {@code ${env:name}}. */
    public static SecretReference env(String name) {
        return new SecretReference(Scheme.ENV, name);
    }

    /** {@code ${file:path}}. */
    public static SecretReference file(String path) {
        return new SecretReference(Scheme.FILE, path);
    }

    /**
     * Reads a reference written {@code ${env:NAME}} or {@code ${file:PATH}}, the whole text and nothing else.
     *
     * @return the reference, or empty when {@code text} is not one; {@code text} appears in no exception
     */
    public static Optional<SecretReference> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Scheme scheme = m.group(1).equals("env") ? Scheme.ENV : Scheme.FILE;
        String target = m.group(2);
        if (scheme == Scheme.ENV ? !ENV_NAME.matcher(target).matches() : target.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SecretReference(scheme, target));
    }

    /** The reference as written: {@code ${env:AD_PASSWORD}}. */
    @Override
    public String toString() {
        return "${" + scheme.prefix() + ":" + target + "}";
    }
}
