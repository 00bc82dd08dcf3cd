package dev.joinery.app.config;

import dev.joinery.app.config.YamlTree.ListNode;
import dev.joinery.app.config.YamlTree.Node;
import dev.joinery.app.config.YamlTree.Scalar;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import dev.joinery.connector.spi.config.OptionType;
import dev.joinery.connector.spi.config.Secret;
import dev.joinery.connector.spi.config.SecretReference;
import dev.joinery.connector.spi.config.SecretResolver;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the YAML value of one option into its typed value as the option's {@link
 * dev.joinery.connector.spi.config.OptionType} says, then runs the option's validator. Every problem goes to the
 * list handed in; a secret's text never appears in one.
 */
final class OptionReader {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    /** user:password@ in a URL, or a password= parameter. */
    private static final Pattern CREDENTIALS = Pattern.compile("(?i)//[^/@?#]*:[^/@?#]*@|[?&;]password=");

    private final Path file;
    private final Path folder;
    private final SecretResolver resolver;
    private final List<ConfigProblem> problems;

    /**
     * @param file the file as the user named it, for messages
     * @param folder the file's folder, absolute, against which relative paths resolve
     */
    OptionReader(Path file, Path folder, SecretResolver resolver, List<ConfigProblem> problems) {
        this.file = file;
        this.folder = folder;
        this.resolver = resolver;
        this.problems = problems;
    }

    /** The file's folder, against which relative paths resolve. */
    Path folder() {
        return folder;
    }

    /** Adds a problem. */
    void problem(YamlTree.Position at, String path, String message) {
        problems.add(ConfigProblem.at(file, at, path, message));
    }

    /**
     * The typed and validated value of {@code option} written at {@code node}, or empty after reporting a problem.
     *
     * @param path the option path for messages, {@code connectors[1].port}
     */
    Optional<Object> read(Option<?> option, Node node, String path) {
        if (option.isSecret()) {
            return secret(node, path).map(Object.class::cast).flatMap(v -> check(option, v, node, path));
        }
        Object value = convert(option, node, path);
        return value == null ? Optional.empty() : check(option, value, node, path);
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<Object> check(Option<T> option, Object value, Node node, String path) {
        String problem = option.problem((T) value);
        if (problem != null) {
            problem(node.position(), path, problem);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Object convert(Option<?> option, Node node, String path) {
        if (node instanceof ListNode list) {
            if (option.type() == OptionType.STRING_LIST) {
                return stringList(list, path);
            }
            return mismatch(option, node, path);
        }
        if (!(node instanceof Scalar scalar) || scalar.isNull()) {
            return mismatch(option, node, path);
        }
        String text = scalar.text();
        switch (option.type()) {
            case STRING:
                return text;
            case INTEGER:
                if (INTEGER.matcher(text.strip()).matches()) {
                    try {
                        return Integer.valueOf(text.strip());
                    } catch (NumberFormatException e) {
                        return mismatch(option, node, path);
                    }
                }
                return mismatch(option, node, path);
            case BOOLEAN:
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
                }
                return mismatch(option, node, path);
            case DURATION:
                return Durations.parse(text).map(Object.class::cast).orElseGet(() -> mismatch(option, node, path));
            case ENUM:
                for (String allowed : option.allowedValues()) {
                    if (allowed.equalsIgnoreCase(text.strip())) {
                        return allowed;
                    }
                }
                problem(
                        node.position(),
                        path,
                        "expected " + option.expected() + ", found " + scalar.shown()
                                + didYouMean(OptionSet.closest(text, option.allowedValues())));
                return null;
            case PATH:
                try {
                    return folder.resolve(text).normalize();
                } catch (InvalidPathException e) {
                    return mismatch(option, node, path);
                }
            case URL:
                return url(option, scalar, path);
            default:
                return mismatch(option, node, path);
        }
    }

    private Object url(Option<?> option, Scalar scalar, String path) {
        if (CREDENTIALS.matcher(scalar.text()).find()) {
            problem(
                    scalar.position(),
                    path,
                    "a URL must not carry a user's password (not shown here); give the password in a secret option"
                            + " as ${env:NAME} or ${file:PATH}");
            return null;
        }
        try {
            URI uri = new URI(scalar.text().strip());
            if (uri.isAbsolute()) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return mismatch(option, scalar, path);
    }

    private List<String> stringList(ListNode list, String path) {
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            if (item instanceof Scalar s && !s.isNull()) {
                values.add(s.text());
            } else {
                problem(item.position(), path + "[" + i + "]", "expected a string, found " + item.kind());
                ok = false;
            }
        }
        return ok ? List.copyOf(values) : null;
    }

    private Optional<Secret> secret(Node node, String path) {
        Optional<SecretReference> reference = node instanceof Scalar s && s.isString()
                ? SecretReference.parse(s.text().strip())
                : Optional.empty();
        if (reference.isEmpty()) {
            boolean looksLikeReference =
                    node instanceof Scalar s && s.text().strip().startsWith("${");
            problem(
                    node.position(),
                    path,
                    (looksLikeReference
                                    ? "not a valid secret reference"
                                    : "a secret is given by reference, not as a value")
                            + ": write ${env:NAME} to read environment variable NAME (letters, digits, underscores)"
                            + " or ${file:PATH} to read a file; the value written here is not shown");
            return Optional.empty();
        }
        return Optional.of(Secret.of(reference.get(), path, resolver));
    }

    private Object mismatch(Option<?> option, Node node, String path) {
        String found = node instanceof Scalar s ? s.shown() : node.kind();
        problem(node.position(), path, "expected " + option.expected() + ", found " + found);
        return null;
    }

    static String didYouMean(Optional<String> suggestion) {
        return suggestion.map(s -> "; did you mean " + s + "?").orElse("");
    }
}
