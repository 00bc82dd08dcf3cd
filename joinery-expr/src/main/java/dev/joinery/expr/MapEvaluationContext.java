package dev.joinery.expr;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An {@link EvaluationContext} over maps, for tests, the CLI and previews. Build one with {@link #builder()}.
 * Immutable once built, and so thread-safe.
 */
public final class MapEvaluationContext implements EvaluationContext {
    private final Map<String, Value> attributes;
    private final Map<String, Value> imported;
    private final Map<String, Value> parameters;
    private final Clock clock;
    private final RandomGenerator random;

    private MapEvaluationContext(Builder b) {
        this.attributes = Map.copyOf(b.attributes);
        this.imported = Map.copyOf(b.imported);
        this.parameters = Map.copyOf(b.parameters);
        this.clock = b.clock;
        this.random = b.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A context with no attributes and no parameters. */
    public static MapEvaluationContext empty() {
        return builder().build();
    }

    @Override
    public Value attribute(String name) {
        return attributes.getOrDefault(name, Value.NULL);
    }

    @Override
    public Value importedValue(String name) {
        Value v = imported.get(name);
        return v != null ? v : attribute(name);
    }

    @Override
    public Value parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    /** Collects attributes, parameters and imported values; not thread-safe. */
    public static final class Builder {
        private final Map<String, Value> attributes = new LinkedHashMap<>();
        private final Map<String, List<Value>> multi = new HashMap<>();
        private final Map<String, Value> imported = new LinkedHashMap<>();
        private final Map<String, Value> parameters = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder() {}

        /** Sets a single-valued attribute. */
        public Builder attribute(String name, Value value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder attribute(String name, String value) {
            return attribute(name, Value.of(value));
        }

        public Builder attribute(String name, long value) {
            return attribute(name, Value.of(value));
        }

        /** Sets a multi-valued attribute (even with one value). */
        public Builder multiValued(String name, List<? extends Value> values) {
            return attribute(name, Value.multi(values));
        }

        /** Adds one value to a multi-valued attribute, creating it with this value first. */
        public Builder addValue(String name, Value value) {
            List<Value> list = multi.computeIfAbsent(name, k -> new ArrayList<>());
            list.add(value);
            attributes.put(name, Value.multi(list));
            return this;
        }

        public Builder importedValue(String name, Value value) {
            imported.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder parameter(String name, Value value) {
            parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder parameter(String name, String value) {
            return parameter(name, Value.of(value));
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public MapEvaluationContext build() {
            return new MapEvaluationContext(this);
        }
    }
}
