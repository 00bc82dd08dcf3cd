package dev.joinery.connector.spi.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configuration option, declared once: its dotted name ({@code host}, {@code bind.password}), type, default,
 * description, whether it is required, and a validator. The loader of {@code joinery.yaml}, the CLI help, the API
 * schema and the documentation table all read this definition; nothing else describes the option.
 *
 * <p>Options are immutable and thread-safe; each {@code with...} method returns a new option, so definitions are
 * written as one chain and kept in a {@code static final} constant:
 *
 * <pre>{@code
 * static final Option<Integer> PORT = Option.integer("port")
 *         .withDescription("TCP port of the LDAP server.")
 *         .withDefault(389)
 *         .withRange(1, 65535);
 * }</pre>
 *
 * <p>Mistakes in a definition fail fast with {@link IllegalArgumentException} or {@link IllegalStateException}
 * naming the option. Options compare by identity: the constant is the option. This class may not be subclassed.
 *
 * @param <T> the Java type of the value, fixed by the {@link OptionType}
 */
public final class Option<T> {

    /**
     * Checks one value of an option. Implementations are stateless and thread-safe; they are never called with
     * {@code null}.
     *
     * @param <T> the option's value type
     */
    @FunctionalInterface
    public interface Validator<T> {
        /**
         * Returns what is wrong with {@code value}, as a message an operator can act on (for example {@code
         * "expected an integer from 1 to 65535, found 70000"}), or {@code null} when the value is valid. The
         * message must not contain the value of a {@link Secret}; a {@code Secret}'s {@code toString()} is safe.
         */
        String problem(T value);
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    private final String name;
    private final OptionType type;
    private final T defaultValue;
    private final String description;
    private final boolean required;
    private final Validator<? super T> validator;
    private final List<String> allowedValues;
    private final String expected;

    private Option(
            String name,
            OptionType type,
            T defaultValue,
            String description,
            boolean required,
            Validator<? super T> validator,
            List<String> allowedValues,
            String expected) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.required = required;
        this.validator = validator;
        this.allowedValues = allowedValues;
        this.expected = expected;
    }

    private static <T> Option<T> create(String name, OptionType type, List<String> allowed, String expected) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option name '" + name
                    + "' must be dotted words of letters and digits, each starting with a letter (bind.password)");
        }
        return new Option<>(name, type, null, "", false, null, allowed, expected);
    }

    /** A text option. */
    public static Option<String> string(String name) {
        return create(name, OptionType.STRING, List.of(), "a string");
    }

    /** A whole-number option; restrict it with {@link #withRange}. */
    public static Option<Integer> integer(String name) {
        return create(name, OptionType.INTEGER, List.of(), "an integer");
    }

    /** A {@code true}/{@code false} option. */
    public static Option<Boolean> bool(String name) {
        return create(name, OptionType.BOOLEAN, List.of(), "true or false");
    }

    /** A duration option ({@code 30s}, {@code 5m}, {@code 1h30m}). */
    public static Option<Duration> duration(String name) {
        return create(name, OptionType.DURATION, List.of(), "a duration such as 30s, 5m or 1h30m");
    }

    /** A list-of-texts option; its values are unmodifiable lists. */
    public static Option<List<String>> stringList(String name) {
        return create(name, OptionType.STRING_LIST, List.of(), "a list of strings");
    }

    /**
     * An option whose value is one of {@code values}, matched ignoring case and read as written here.
     *
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public static Option<String> oneOf(String name, String... values) {
        List<String> allowed = List.copyOf(Arrays.asList(values));
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("option " + name + " needs at least one allowed value");
        }
        return create(name, OptionType.ENUM, allowed, "one of " + String.join(", ", allowed));
    }

    /** A secret option: its value is a reference ({@code ${env:NAME}}, {@code ${file:PATH}}), never a literal. */
    public static Option<Secret> secret(String name) {
        return create(name, OptionType.SECRET, List.of(), "a secret reference, ${env:NAME} or ${file:PATH}");
    }

    /** A file or folder option; relative values resolve against the configuration file's folder. */
    public static Option<Path> path(String name) {
        return create(name, OptionType.PATH, List.of(), "a path");
    }

    /** An absolute URL option ({@code ldaps://dc1.contoso.com:636}). */
    public static Option<URI> url(String name) {
        return create(name, OptionType.URL, List.of(), "an absolute URL such as ldaps://host:636");
    }

    /** This option with its one-sentence description, shown in help, schema and docs. */
    public Option<T> withDescription(String description) {
        return new Option<>(
                name,
                type,
                defaultValue,
                Objects.requireNonNull(description, "description"),
                required,
                validator,
                allowedValues,
                expected);
    }

    /**
     * This option with a default, used when the configuration does not set it.
     *
     * @throws IllegalStateException when the option is required
     * @throws IllegalArgumentException when the value is not of the option's type
     */
    public Option<T> withDefault(T value) {
        if (required) {
            throw new IllegalStateException("option " + name + " is required, so it cannot have a default");
        }
        checkType(Objects.requireNonNull(value, "value"));
        return new Option<>(name, type, value, description, false, validator, allowedValues, expected);
    }

    /**
     * This option, required: a configuration without it is invalid.
     *
     * @throws IllegalStateException when the option has a default
     */
    public Option<T> required() {
        if (defaultValue != null) {
            throw new IllegalStateException("option " + name + " has a default, so it cannot be required");
        }
        return new Option<>(name, type, null, description, true, validator, allowedValues, expected);
    }

    /** This option with {@code validator}, run on every value after its type was checked. Replaces any earlier one. */
    public Option<T> withValidator(Validator<? super T> validator) {
        return new Option<>(
                name,
                type,
                defaultValue,
                description,
                required,
                Objects.requireNonNull(validator, "validator"),
                allowedValues,
                expected);
    }

    /**
     * This option with {@code expected} as the description of an acceptable value, used in messages ("expected
     * a count such as 500 or a percentage such as 10%, found ...").
     */
    public Option<T> withExpected(String expected) {
        return new Option<>(
                name,
                type,
                defaultValue,
                description,
                required,
                validator,
                allowedValues,
                Objects.requireNonNull(expected, "expected"));
    }

    /**
     * This integer option limited to {@code min..max} inclusive; the limits show in messages and help.
     *
     * @throws IllegalStateException when the option is not an {@link OptionType#INTEGER}
     * @throws IllegalArgumentException when {@code min > max}
     */
    public Option<T> withRange(int min, int max) {
        if (type != OptionType.INTEGER) {
            throw new IllegalStateException("withRange applies to integer options; " + name + " is a " + type.label());
        }
        if (min > max) {
            throw new IllegalArgumentException("option " + name + ": range " + min + ".." + max + " is empty");
        }
        String range =
                max == Integer.MAX_VALUE ? "an integer of at least " + min : "an integer from " + min + " to " + max;
        Validator<T> inRange = value -> {
            int v = (Integer) value;
            return v >= min && v <= max ? null : "expected " + range + ", found " + v;
        };
        return new Option<>(name, type, defaultValue, description, required, inRange, allowedValues, range);
    }

    /** The dotted name, as written in {@code joinery.yaml}. */
    public String name() {
        return name;
    }

    public OptionType type() {
        return type;
    }

    /** The default, or {@code null} when there is none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The description; empty when none was given. */
    public String description() {
        return description;
    }

    public boolean isRequired() {
        return required;
    }

    /** Whether the value is a {@link Secret}: given by reference only, never shown. */
    public boolean isSecret() {
        return type == OptionType.SECRET;
    }

    /** The allowed words of an {@link OptionType#ENUM} option, in declared order; empty for other types. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** What an acceptable value looks like, for messages: "an integer from 1 to 65535", "one of h2, postgresql". */
    public String expected() {
        return expected;
    }

    /**
     * Checks a value: its Java type, then the allowed values of an enum, then the validator.
     *
     * @return what is wrong, or {@code null} when the value is valid
     */
    public String problem(T value) {
        Objects.requireNonNull(value, "value");
        if (!isOfType(value)) {
            return "expected " + expected + ", found a " + value.getClass().getSimpleName();
        }
        if (type == OptionType.ENUM && !allowedValues.contains(value)) {
            return "expected " + expected + ", found \"" + value + "\"";
        }
        return validator == null ? null : validator.problem(value);
    }

    private boolean isOfType(Object value) {
        if (type == OptionType.STRING_LIST && value instanceof List<?> list) {
            return list.stream().allMatch(String.class::isInstance);
        }
        return type.javaType().isInstance(value);
    }

    /** Fails when {@code value} is not of this option's Java type; {@link ConnectorConfig.Builder#set} relies on it. */
    void checkType(Object value) {
        if (!isOfType(value)) {
            throw new IllegalArgumentException("option " + name + " is a " + type.label() + " and takes a "
                    + type.javaType().getSimpleName() + ", not a "
                    + value.getClass().getSimpleName());
        }
    }

    /** The name and type, for logs: {@code port (integer)}. */
    @Override
    public String toString() {
        return name + " (" + type.label() + ")";
    }
}
