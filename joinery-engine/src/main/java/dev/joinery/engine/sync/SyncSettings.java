package dev.joinery.engine.sync;

import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.DirectorySchema;
import dev.joinery.engine.rules.SyncRule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The configuration a synchronization reads: connectors in order (their order breaks precedence ties and orders a
 * cycle), rules, the metaverse schema, run limits, and the injected clock and randomness. Immutable once built;
 * build with {@link #builder()}. The id supplier is called from the engine's thread only.
 */
public final class SyncSettings {
    private final List<ConnectorSettings> connectors;
    private final Map<String, Integer> connectorOrder = new HashMap<>();
    private final List<SyncRule> rules;
    private final Map<String, SyncRule> rulesByName = new HashMap<>();
    private final Map<String, Integer> ruleOrder = new HashMap<>();
    private final Map<String, List<SyncRule>> byConnectorDirectionType = new HashMap<>();
    private final DirectorySchema metaverseSchema;
    private final Clock clock;
    private final RandomGenerator random;
    private final Supplier<UUID> ids;
    private final int batchSize;
    private final int errorLimit;
    private final DeletionThreshold deletionThreshold;
    private final boolean stagingMode;

    private SyncSettings(Builder b) {
        this.connectors = List.copyOf(b.connectors.values());
        for (int i = 0; i < connectors.size(); i++) {
            connectorOrder.put(connectors.get(i).name(), i);
        }
        this.rules = List.copyOf(b.rules);
        for (int i = 0; i < rules.size(); i++) {
            SyncRule r = rules.get(i);
            if (rulesByName.put(r.name(), r) != null) {
                throw new IllegalArgumentException("two rules are named '" + r.name() + "'");
            }
            if (!connectorOrder.containsKey(r.connector())) {
                throw new IllegalArgumentException(
                        "sync rule '" + r.name() + "': connector '" + r.connector() + "' is not configured");
            }
            ruleOrder.put(r.name(), i);
            if (!r.disabled()) {
                byConnectorDirectionType
                        .computeIfAbsent(
                                key(r.connector(), r.direction(), r.sourceObjectType()), k -> new ArrayList<>())
                        .add(r);
            }
        }
        byConnectorDirectionType.values().forEach(list -> list.sort(precedenceOrder()));
        this.metaverseSchema = b.metaverseSchema;
        this.clock = b.clock;
        this.random = b.random;
        this.ids = b.ids != null ? b.ids : randomIds(b.random);
        this.batchSize = b.batchSize;
        this.errorLimit = b.errorLimit;
        this.deletionThreshold = b.deletionThreshold;
        this.stagingMode = b.stagingMode;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<ConnectorSettings> connectors() {
        return connectors;
    }

    public Optional<ConnectorSettings> connector(String name) {
        Integer i = connectorOrder.get(name);
        return i == null ? Optional.empty() : Optional.of(connectors.get(i));
    }

    /** @throws IllegalArgumentException for an unknown connector */
    public ConnectorSettings requireConnector(String name) {
        return connector(name).orElseThrow(() -> new IllegalArgumentException("no connector named '" + name + "'"));
    }

    public int connectorOrder(String name) {
        return connectorOrder.getOrDefault(name, Integer.MAX_VALUE);
    }

    public List<SyncRule> rules() {
        return rules;
    }

    /** The rule with this name, disabled ones included. */
    public Optional<SyncRule> rule(String name) {
        return Optional.ofNullable(rulesByName.get(name));
    }

    /** The enabled rules of a connector, direction and source type, best precedence first. */
    public List<SyncRule> rules(String connector, Direction direction, String sourceType) {
        return byConnectorDirectionType.getOrDefault(key(connector, direction, sourceType), List.of());
    }

    /** Lower precedence first, then connector order, then the order rules were given. */
    public Comparator<SyncRule> precedenceOrder() {
        return Comparator.<SyncRule>comparingInt(SyncRule::precedence)
                .thenComparingInt(r -> connectorOrder(r.connector()))
                .thenComparingInt(r -> ruleOrder.getOrDefault(r.name(), Integer.MAX_VALUE));
    }

    public int ruleOrder(SyncRule rule) {
        return ruleOrder.getOrDefault(rule.name(), Integer.MAX_VALUE);
    }

    /** Whether the metaverse schema declares the attribute multi-valued on some type; false when unknown. */
    public boolean metaverseMultiValued(String objectType, String attribute) {
        if (metaverseSchema == null) {
            return false;
        }
        var type = metaverseSchema.objectTypes().get(objectType);
        if (type == null) {
            return false;
        }
        var a = type.get(attribute);
        return a != null && a.multiValued();
    }

    public Clock clock() {
        return clock;
    }

    public RandomGenerator random() {
        return random;
    }

    public UUID newId() {
        return ids.get();
    }

    public int batchSize() {
        return batchSize;
    }

    public int errorLimit() {
        return errorLimit;
    }

    public DeletionThreshold deletionThreshold() {
        return deletionThreshold;
    }

    public boolean stagingMode() {
        return stagingMode;
    }

    /** These settings with staging mode switched. */
    public SyncSettings withStagingMode(boolean staging) {
        Builder b = toBuilder();
        b.stagingMode = staging;
        return b.build();
    }

    /** These settings with another deletion threshold. */
    public SyncSettings withDeletionThreshold(DeletionThreshold threshold) {
        return toBuilder().deletionThreshold(threshold).build();
    }

    /** These settings with another rule set (an edited configuration), everything else the same. */
    public SyncSettings withRules(List<SyncRule> other) {
        Builder b = toBuilder();
        b.rules.clear();
        return b.rules(other).build();
    }

    /** These settings with one connector's settings replaced (same name, same place in the order). */
    public SyncSettings withConnector(ConnectorSettings replacement) {
        requireConnector(replacement.name());
        Builder b = toBuilder();
        b.connectors.put(replacement.name(), replacement); // a LinkedHashMap: the connector keeps its place
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        connectors.forEach(b::connector);
        b.rules.addAll(rules);
        b.metaverseSchema = metaverseSchema;
        b.clock = clock;
        b.random = random;
        b.ids = ids;
        b.batchSize = batchSize;
        b.errorLimit = errorLimit;
        b.deletionThreshold = deletionThreshold;
        b.stagingMode = stagingMode;
        return b;
    }

    private static String key(String connector, Direction direction, String type) {
        return connector + '\u0000' + direction + '\u0000' + type.toLowerCase(java.util.Locale.ROOT);
    }

    private static Supplier<UUID> randomIds(RandomGenerator random) {
        return () -> new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
    }

    /** Collects settings; fails fast on conflicting values. Not thread-safe. */
    public static final class Builder {
        private final Map<String, ConnectorSettings> connectors = new LinkedHashMap<>();
        private final List<SyncRule> rules = new ArrayList<>();
        private DirectorySchema metaverseSchema;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new SplittableRandom();
        private Supplier<UUID> ids;
        private int batchSize = 1000;
        private int errorLimit = 5000;
        private DeletionThreshold deletionThreshold = DeletionThreshold.DEFAULT;
        private boolean stagingMode;

        private Builder() {}

        /** Adds a connector; the order of calls is the connectors' order. */
        public Builder connector(ConnectorSettings connector) {
            if (connectors.putIfAbsent(connector.name(), connector) != null) {
                throw new IllegalArgumentException("connector '" + connector.name() + "' was already added");
            }
            return this;
        }

        public Builder rule(SyncRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public Builder rules(List<SyncRule> list) {
            list.forEach(this::rule);
            return this;
        }

        public Builder metaverseSchema(DirectorySchema schema) {
            this.metaverseSchema = schema;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Where {@code RandomNum()} and, unless {@link #ids} is set, new object ids come from. */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        public Builder ids(Supplier<UUID> value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        /**
         * Objects per committed batch; default 1,000. Every commit costs the store a write of the pages it changed, so
         * larger batches cost less per object; a crash loses at most the batch in progress, which the next run redoes.
         */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** Errors after which a run stops ("stopped-error-limit"); default 5,000. */
        public Builder errorLimit(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("errorLimit must be at least 1, was " + value);
            }
            this.errorLimit = value;
            return this;
        }

        public Builder deletionThreshold(DeletionThreshold value) {
            this.deletionThreshold = Objects.requireNonNull(value, "deletionThreshold");
            return this;
        }

        /** Everything runs but export. */
        public Builder stagingMode(boolean value) {
            this.stagingMode = value;
            return this;
        }

        /** @throws IllegalArgumentException when a rule names an unknown connector or two rules share a name */
        public SyncSettings build() {
            return new SyncSettings(this);
        }
    }
}
