package dev.joinery.app.run;

import dev.joinery.app.config.JoineryConfig;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.SchemaDiscovery;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.engine.rules.DirectorySchema;
import dev.joinery.engine.rules.Problem;
import dev.joinery.engine.rules.RuleLoadResult;
import dev.joinery.engine.rules.RulesLoader;
import dev.joinery.engine.run.SyncEngine;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.DeletionThreshold;
import dev.joinery.engine.sync.SyncSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a sync command needs, built from a loaded {@code joinery.yaml}: the connectors (made by their kinds'
 * factories, not yet opened), the rules, the store and a {@link SyncEngine} over them. Not thread-safe: one command
 * at a time, as the engine.
 */
public final class SyncRuntime implements AutoCloseable {
    private final JoineryConfig config;
    private final SyncStore store;
    private final SyncSettings settings;
    private final Map<String, Connector> connectors;
    private final SyncEngine engine;

    private SyncRuntime(
            JoineryConfig config, SyncStore store, SyncSettings settings, Map<String, Connector> connectors) {
        this.config = config;
        this.store = store;
        this.settings = settings;
        this.connectors = connectors;
        SyncEngine.Builder b = SyncEngine.builder(store, settings);
        connectors.forEach(b::connector);
        this.engine = b.build();
    }

    /** The rules of a configuration could not be loaded. */
    public static final class RulesException extends RuntimeException {
        private final List<Problem> problems;

        RulesException(List<Problem> problems) {
            super(problems.size() + " problem(s) in the sync rules: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * Builds the runtime. With {@code discoverSchemas}, asks each connector for its schema (opening it when it must),
     * so that synchronization knows which attributes are multi-valued, immutable or unique; a connector that cannot
     * answer is left without one.
     *
     * @param factories the connector factory of a kind
     * @throws RulesException when the rules folder has problems
     */
    public static SyncRuntime open(
            JoineryConfig config,
            Function<String, ConnectorFactory> factories,
            StoreFactory stores,
            boolean discoverSchemas) {
        RuleLoadResult rules = RulesLoader.loadDirectory(config.rules());
        if (!rules.isClean()) {
            throw new RulesException(rules.problems());
        }
        List<Problem> schemaProblems = new ArrayList<>();
        Path parent = config.rules().toAbsolutePath().getParent();
        DirectorySchema metaverse = null;
        if (parent != null && Files.isRegularFile(parent.resolve("metaverse.yaml"))) {
            metaverse = RulesLoader.loadSchemas(parent, schemaProblems).metaverse();
        }
        Map<String, Connector> connectors = new LinkedHashMap<>();
        SyncSettings.Builder b = SyncSettings.builder()
                .rules(rules.syncRules())
                .errorLimit(config.thresholds().errorLimit())
                .deletionThreshold(threshold(config.thresholds().deletion()))
                .stagingMode(config.stagingMode());
        if (metaverse != null) {
            b.metaverseSchema(metaverse);
        }
        for (JoineryConfig.Connector c : config.connectors()) {
            Connector connector = factories.apply(c.kind()).create(c.name(), c.config());
            connectors.put(c.name(), connector);
            ConnectorSettings s =
                    new ConnectorSettings(c.name(), parameters(c), null, java.util.Set.of(), java.util.Set.of(), null);
            if (discoverSchemas) {
                Optional<ConnectorSchema> schema = discover(c.name(), connector);
                if (schema.isPresent()) {
                    s = withSchema(s, schema.get());
                }
            }
            b.connector(s);
        }
        SyncStore store = stores.open(config.store());
        return new SyncRuntime(config, store, b.build(), connectors);
    }

    public JoineryConfig config() {
        return config;
    }

    public SyncEngine engine() {
        return engine;
    }

    public SyncSettings settings() {
        return settings;
    }

    public SyncStore store() {
        return store;
    }

    public Map<String, Connector> connectors() {
        return connectors;
    }

    /** A read of the store in its own transaction. */
    public <T> T read(Function<SyncTransaction, T> read) {
        try (SyncTransaction tx = store.begin()) {
            return read.apply(tx);
        }
    }

    /** The configured name of a connector, matched ignoring case. */
    public Optional<String> connectorName(String name) {
        return config.connector(name).map(JoineryConfig.Connector::name);
    }

    @Override
    public void close() {
        store.close();
    }

    static DeletionThreshold threshold(dev.joinery.app.config.DeletionThreshold t) {
        if (t.isPercentage()) {
            return DeletionThreshold.percent(t.percent().doubleValue());
        }
        return DeletionThreshold.count((int) Math.min(Integer.MAX_VALUE, t.count()));
    }

    /**
     * The {@code %Domain.FQDN%}, {@code %Domain.Netbios%}, {@code %Forest.FQDN%} and {@code %Forest.Netbios%}
     * parameters of a directory connector, from its first partition ({@code DC=contoso,DC=com} gives
     * {@code contoso.com} and {@code CONTOSO}).
     */
    static Map<String, String> parameters(JoineryConfig.Connector c) {
        Map<String, String> map = new LinkedHashMap<>();
        c.config().options().find("partitions").ifPresent(option -> {
            Object value = c.config().find(option).orElse(null);
            if (value instanceof List<?> list && !list.isEmpty()) {
                List<String> labels = new ArrayList<>();
                for (String rdn : list.get(0).toString().split(",")) {
                    String[] kv = rdn.trim().split("=", 2);
                    if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("DC")) {
                        labels.add(kv[1].trim());
                    }
                }
                if (!labels.isEmpty()) {
                    String fqdn = String.join(".", labels).toLowerCase(Locale.ROOT);
                    String netbios = labels.get(0).toUpperCase(Locale.ROOT);
                    map.put("Domain.FQDN", fqdn);
                    map.put("Domain.Netbios", netbios);
                    map.put("Forest.FQDN", fqdn);
                    map.put("Forest.Netbios", netbios);
                }
            }
        });
        return map;
    }

    private static Optional<ConnectorSchema> discover(String name, Connector connector) {
        if (!(connector instanceof SchemaDiscovery discovery)) {
            return Optional.empty();
        }
        try {
            return Optional.of(discovery.discoverSchema());
        } catch (RuntimeException notOpen) {
            try {
                connector.open(new Context(name));
                try {
                    return Optional.of(discovery.discoverSchema());
                } finally {
                    connector.close();
                }
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private static ConnectorSettings withSchema(ConnectorSettings s, ConnectorSchema schema) {
        List<String> immutable = new ArrayList<>();
        List<String> unique = new ArrayList<>();
        for (ConnectorSchema.ObjectType t : schema.objectTypes()) {
            for (ConnectorSchema.Attribute a : t.attributes()) {
                if (a.has(ConnectorSchema.Attribute.Flag.IMMUTABLE) && !immutable.contains(a.name())) {
                    immutable.add(a.name());
                }
                if (a.has(ConnectorSchema.Attribute.Flag.UNIQUE) && !unique.contains(a.name())) {
                    unique.add(a.name());
                }
            }
        }
        return new ConnectorSettings(
                s.name(),
                s.parameters(),
                schema,
                java.util.Set.copyOf(immutable),
                java.util.Set.copyOf(unique),
                s.quarantineDomain());
    }

    private record Context(String connectorName) implements ConnectorContext {
        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }
    }
}
