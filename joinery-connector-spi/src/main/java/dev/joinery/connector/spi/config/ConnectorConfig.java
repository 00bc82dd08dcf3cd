package dev.joinery.connector.spi.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The typed, validated option values of one connector: what {@link ConnectorFactory#create} receives. Every
 * required option has a value and every value passed its option's validator.
 *
 * <pre>{@code
 * String host = config.get(LdapOptions.HOST);           // required: always there
 * int port = config.get(LdapOptions.PORT);              // not set: the default
 * Optional<Path> ca = config.find(LdapOptions.CA_FILE); // optional, no default
 * }</pre>
 *
 * <p>Immutable and thread-safe; may not be subclassed. {@code toString()} shows secrets as their references.
 */
public final class ConnectorConfig {
    private final OptionSet options;
    private final Map<String, Object> values;

    private ConnectorConfig(OptionSet options, Map<String, Object> values) {
        this.options = options;
        this.values = values;
    }

    /** A builder of values for {@code options}. */
    public static Builder builder(OptionSet options) {
        return new Builder(Objects.requireNonNull(options, "options"));
    }

    /** The option set these values belong to. */
    public OptionSet options() {
        return options;
    }

    /**
     * The value of {@code option}: the configured one, else its default.
     *
     * @throws IllegalArgumentException when {@code option} is not one of {@link #options()}
     * @throws NoSuchElementException when the option is optional, has no default and is not set; use {@link #find}
     */
    public <T> T get(Option<T> option) {
        return find(option)
                .orElseThrow(() -> new NoSuchElementException(
                        "option " + option.name() + " is not set and has no default; read it with find()"));
    }

    /**
     * The value of {@code option}, else its default, else empty.
     *
     * @throws IllegalArgumentException when {@code option} is not one of {@link #options()}
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Option<T> option) {
        requireMember(options, option);
        Object value = values.get(option.name());
        return Optional.ofNullable(value != null ? (T) value : option.defaultValue());
    }

    /** Whether {@code option} was given a value, as opposed to falling back to its default. */
    public boolean isSet(Option<?> option) {
        requireMember(options, option);
        return values.containsKey(option.name());
    }

    private static void requireMember(OptionSet options, Option<?> option) {
        if (!options.contains(option)) {
            throw new IllegalArgumentException("option " + option.name() + " is not an option of " + options.name());
        }
    }

    /** Equal when of the same option set with the same effective values: a default equals the same value set. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectorConfig other) || options != other.options) {
            return false;
        }
        for (Option<?> option : options) {
            if (!Objects.equals(find(option), other.find(option))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = options.name().hashCode();
        for (Option<?> option : options) {
            hash = 31 * hash + find(option).hashCode();
        }
        return hash;
    }

    /** The set values, for logs: {@code ldap{host=dc1, bind.password=${env:AD_PASSWORD}}}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", options.name() + "{", "}");
        values.forEach((name, value) -> j.add(name + "=" + value));
        return j.toString();
    }

    /** Collects values and checks them in {@link #build()}. Not thread-safe; may not be subclassed. */
    public static final class Builder {
        private final OptionSet options;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(OptionSet options) {
            this.options = options;
        }

        /**
         * Sets {@code option} to {@code value}, replacing an earlier value.
         *
         * @throws IllegalArgumentException when the option is not in the set or the value is not of its type
         */
        public <T> Builder set(Option<T> option, T value) {
            requireMember(options, option);
            option.checkType(Objects.requireNonNull(value, "value"));
            values.put(option.name(), value instanceof List<?> list ? List.copyOf(list) : value);
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException listing every required option without a value and every value its
         *     validator refuses
         */
        public ConnectorConfig build() {
            List<String> problems = new ArrayList<>();
            for (Option<?> option : options) {
                Object value = values.get(option.name());
                if (value == null && option.isRequired()) {
                    problems.add(option.name() + ": required");
                } else if (value != null) {
                    String problem = problemOf(option, value);
                    if (problem != null) {
                        problems.add(option.name() + ": " + problem);
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(
                        "invalid " + options.name() + " configuration: " + String.join("; ", problems));
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (Option<?> option : options) {
                if (values.containsKey(option.name())) {
                    ordered.put(option.name(), values.get(option.name()));
                }
            }
            return new ConnectorConfig(options, Collections.unmodifiableMap(ordered));
        }

        @SuppressWarnings("unchecked")
        private static <T> String problemOf(Option<T> option, Object value) {
            return option.problem((T) value);
        }
    }
}
