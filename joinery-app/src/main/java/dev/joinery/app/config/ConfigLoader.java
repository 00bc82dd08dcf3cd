package dev.joinery.app.config;

import dev.joinery.app.config.YamlTree.Entry;
import dev.joinery.app.config.YamlTree.ListNode;
import dev.joinery.app.config.YamlTree.MapNode;
import dev.joinery.app.config.YamlTree.Node;
import dev.joinery.app.config.YamlTree.Position;
import dev.joinery.app.config.YamlTree.Scalar;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import dev.joinery.connector.spi.config.OptionType;
import dev.joinery.connector.spi.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code joinery.yaml}: every problem in the file is reported at once, each with file, line, column, option
 * path and what was expected. Secrets are checked to be references and are not resolved. Thread-safe.
 */
public final class ConfigLoader {
    private final ConnectorKinds kinds;
    private final Function<String, String> environment;

    /**
     * @param kinds the connector kinds a {@code kind:} may name
     * @param environment the process environment, read when a {@code ${env:NAME}} secret is revealed
     */
    public ConfigLoader(ConnectorKinds kinds, Function<String, String> environment) {
        this.kinds = kinds;
        this.environment = environment;
    }

    /** The connector kinds this loader knows. */
    public ConnectorKinds kinds() {
        return kinds;
    }

    /**
     * Loads and validates {@code file}.
     *
     * @throws ConfigException with every problem found, including an unreadable file
     */
    public JoineryConfig load(Path file) throws ConfigException {
        Result result = read(file);
        if (!result.problems.isEmpty()) {
            throw new ConfigException(result.problems);
        }
        return result.config;
    }

    /**
     * The problems of {@code file}, in file order; empty when it is valid. With {@code resolveSecrets}, also
     * resolves every secret reference of a valid file (discarding the values) and reports those that fail.
     */
    public List<ConfigProblem> validate(Path file, boolean resolveSecrets) {
        Result result = read(file);
        List<ConfigProblem> problems = new ArrayList<>(result.problems);
        if (problems.isEmpty() && resolveSecrets) {
            for (Secret secret : result.config.secrets()) {
                try {
                    secret.reveal();
                } catch (ConnectorException e) {
                    String message =
                            e.error().message().substring(secret.option().length() + 2);
                    Position at = result.positions.getOrDefault(secret.option(), Position.UNKNOWN);
                    problems.add(ConfigProblem.at(file, at, secret.option(), message));
                }
            }
        }
        problems.sort(ConfigProblem.IN_FILE_ORDER);
        return problems;
    }

    private record Result(JoineryConfig config, List<ConfigProblem> problems, Map<String, Position> positions) {}

    /** A value found in the file for one option. */
    private record Found(Node value, Position keyPosition) {}

    private Result read(Path file) {
        List<ConfigProblem> problems = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add(new ConfigProblem(file, 0, 0, "", "no such file"));
            return new Result(null, problems, Map.of());
        } catch (IOException e) {
            problems.add(new ConfigProblem(
                    file, 0, 0, "", "cannot read the file (" + e.getClass().getSimpleName() + ")"));
            return new Result(null, problems, Map.of());
        }
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.SyntaxError e) {
            problems.add(ConfigProblem.at(file, e.position(), "", e.getMessage()));
            return new Result(null, problems, Map.of());
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Reading reading =
                new Reading(new OptionReader(file, folder, new ReferenceSecretResolver(folder, environment), problems));
        JoineryConfig config = reading.config(absolute, root);
        return new Result(problems.isEmpty() ? config : null, problems, reading.positions);
    }

    /** One pass over one file. */
    private final class Reading {
        private final OptionReader reader;
        private final Map<String, Position> positions = new HashMap<>();

        Reading(OptionReader reader) {
            this.reader = reader;
        }

        JoineryConfig config(Path absolute, Node root) {
            List<Entry> entries = List.of();
            if (root instanceof MapNode map) {
                entries = map.entries();
            } else if (root != null) {
                reader.problem(
                        root.position(),
                        "",
                        "expected a mapping of options (connectors, store, ...), found " + root.kind());
            }
            Map<String, Found> found = new LinkedHashMap<>();
            Entry connectors = null;
            List<Entry> rest = new ArrayList<>();
            for (Entry e : entries) {
                if (e.key().equals(GlobalOptions.CONNECTORS)) {
                    connectors = e;
                } else {
                    rest.add(e);
                }
            }
            collect(rest, "", GlobalOptions.ALL, "", List.of(GlobalOptions.CONNECTORS), found);
            Map<String, Object> values = typed(GlobalOptions.ALL, found, "");
            JoineryConfig.Store store = store(values, found);
            List<JoineryConfig.Connector> list = connectors == null ? List.of() : connectors(connectors.value());
            return new JoineryConfig(
                    absolute,
                    list,
                    store,
                    get(values, GlobalOptions.RULES),
                    new JoineryConfig.Thresholds(
                            DeletionThreshold.parse(get(values, GlobalOptions.DELETION_THRESHOLD))
                                    .orElseThrow(),
                            get(values, GlobalOptions.ERROR_LIMIT)),
                    get(values, GlobalOptions.STAGING_MODE),
                    new JoineryConfig.Schedule(
                            get(values, GlobalOptions.SCHEDULE_INTERVAL), get(values, GlobalOptions.SCHEDULE_ENABLED)),
                    new JoineryConfig.Server(
                            get(values, GlobalOptions.SERVER_HOST), get(values, GlobalOptions.SERVER_PORT)));
        }

        /**
         * Sorts the entries of a mapping into options of {@code set}: a key is an option, or a section whose mapping
         * holds more of the dotted name, or unknown.
         */
        private void collect(
                List<Entry> entries,
                String prefix,
                OptionSet set,
                String pathPrefix,
                List<String> others,
                Map<String, Found> found) {
            for (Entry e : entries) {
                String name = prefix + e.key();
                String path = pathPrefix + name;
                if (set.find(name).isPresent()) {
                    Found earlier = found.putIfAbsent(name, new Found(e.value(), e.keyPosition()));
                    if (earlier != null) {
                        reader.problem(
                                e.keyPosition(),
                                path,
                                "set twice; first at line "
                                        + earlier.keyPosition().line());
                    }
                } else if (set.isSection(name)) {
                    if (e.value() instanceof MapNode m) {
                        collect(m.entries(), name + ".", set, pathPrefix, others, found);
                    } else if (!(e.value() instanceof Scalar s && s.isNull())) {
                        String inside = set.options().stream()
                                .map(Option::name)
                                .filter(n -> n.startsWith(name + "."))
                                .map(n -> n.substring(name.length() + 1))
                                .collect(Collectors.joining(", "));
                        reader.problem(
                                e.value().position(),
                                path,
                                "expected a mapping of " + inside + ", found "
                                        + e.value().kind());
                    }
                } else {
                    Optional<String> suggestion =
                            OptionSet.closest(name, others).or(() -> set.suggest(name));
                    String of = set == GlobalOptions.ALL ? "" : " of connector kind " + set.name();
                    reader.problem(e.keyPosition(), path, "unknown option" + of + OptionReader.didYouMean(suggestion));
                }
            }
        }

        /**
         * The typed values of the options found, and the defaults of path options resolved against the file's
         * folder; a problem for each value that is invalid.
         */
        private Map<String, Object> typed(OptionSet set, Map<String, Found> found, String pathPrefix) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Option<?> option : set) {
                Found f = found.get(option.name());
                if (f != null) {
                    String path = pathPrefix + option.name();
                    positions.put(path, f.value().position());
                    reader.read(option, f.value(), path).ifPresent(v -> values.put(option.name(), v));
                } else if (option.type() == OptionType.PATH && option.defaultValue() != null) {
                    // a relative default, like a relative value, is relative to the configuration file's folder
                    Path p = (Path) option.defaultValue();
                    values.put(option.name(), reader.folder().resolve(p).normalize());
                }
            }
            return values;
        }

        private JoineryConfig.Store store(Map<String, Object> values, Map<String, Found> found) {
            String type = get(values, GlobalOptions.STORE_TYPE);
            boolean h2 = type.equals(GlobalOptions.H2);
            List<Option<?>> foreign = h2
                    ? List.of(GlobalOptions.STORE_URL, GlobalOptions.STORE_USER, GlobalOptions.STORE_PASSWORD)
                    : List.of(GlobalOptions.STORE_PATH);
            for (Option<?> option : foreign) {
                Found f = found.get(option.name());
                if (f != null) {
                    reader.problem(
                            f.keyPosition(),
                            option.name(),
                            "applies only when store.type is " + (h2 ? GlobalOptions.POSTGRESQL : GlobalOptions.H2)
                                    + "; here it is " + type);
                }
            }
            if (h2) {
                return new JoineryConfig.H2(get(values, GlobalOptions.STORE_PATH));
            }
            Object url = values.get(GlobalOptions.STORE_URL.name());
            if (url == null) {
                if (!found.containsKey(GlobalOptions.STORE_URL.name())) {
                    Position at =
                            found.get(GlobalOptions.STORE_TYPE.name()).value().position();
                    reader.problem(at, GlobalOptions.STORE_URL.name(), "required when store.type is postgresql");
                }
                return new JoineryConfig.H2(reader.folder()); // placeholder; the problem above discards the config
            }
            return new JoineryConfig.Postgresql(
                    (URI) url, (String) values.get(GlobalOptions.STORE_USER.name()), (Secret)
                            values.get(GlobalOptions.STORE_PASSWORD.name()));
        }

        private List<JoineryConfig.Connector> connectors(Node node) {
            if (node instanceof Scalar s && s.isNull()) {
                return List.of();
            }
            if (!(node instanceof ListNode list)) {
                reader.problem(
                        node.position(),
                        GlobalOptions.CONNECTORS,
                        "expected a list of connectors, found " + node.kind());
                return List.of();
            }
            List<JoineryConfig.Connector> connectors = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            for (int i = 0; i < list.items().size(); i++) {
                connector(list.items().get(i), i, names).ifPresent(connectors::add);
            }
            return connectors;
        }

        /** One item; {@code names} maps each lower-cased name seen to where it was first used. */
        private Optional<JoineryConfig.Connector> connector(Node node, int index, Map<String, String> names) {
            String at = GlobalOptions.CONNECTORS + "[" + index + "]";
            if (!(node instanceof MapNode item)) {
                reader.problem(
                        node.position(),
                        at,
                        "expected a mapping with name, kind and the kind's options, found " + node.kind());
                return Optional.empty();
            }
            Map<String, Found> common = new LinkedHashMap<>();
            List<Entry> rest = new ArrayList<>();
            for (Entry e : item.entries()) {
                if (GlobalOptions.CONNECTOR.find(e.key()).isPresent()) {
                    collect(List.of(e), "", GlobalOptions.CONNECTOR, at + ".", List.of(), common);
                } else {
                    rest.add(e);
                }
            }
            Map<String, Object> values = typed(GlobalOptions.CONNECTOR, common, at + ".");
            String name = (String) values.get(GlobalOptions.CONNECTOR_NAME.name());
            String kind = (String) values.get(GlobalOptions.CONNECTOR_KIND.name());
            if (!common.containsKey("name")) {
                reader.problem(item.position(), at, "missing required option name");
            } else if (name != null) {
                Position namePosition = common.get("name").value().position();
                String first =
                        names.putIfAbsent(name.toLowerCase(Locale.ROOT), at + " (line " + namePosition.line() + ")");
                if (first != null) {
                    reader.problem(
                            namePosition,
                            at + ".name",
                            "duplicate connector name \"" + name + "\"; " + first
                                    + " has it already (names are compared ignoring case)");
                }
            }
            String known = kinds.names().isEmpty() ? "none are installed" : String.join(", ", kinds.names());
            if (!common.containsKey("kind")) {
                reader.problem(item.position(), at, "missing required option kind; known kinds: " + known);
                return Optional.empty();
            }
            if (kind == null) {
                return Optional.empty();
            }
            Optional<ConnectorFactory> factory = kinds.find(kind);
            if (factory.isEmpty()) {
                reader.problem(
                        common.get("kind").value().position(),
                        at + ".kind",
                        "unknown connector kind \"" + kind + "\"; known kinds: " + known
                                + OptionReader.didYouMean(OptionSet.closest(kind, kinds.names())));
                return Optional.empty();
            }
            OptionSet set = factory.get().options();
            Map<String, Found> found = new LinkedHashMap<>();
            collect(rest, "", set, at + ".", List.of("name", "kind"), found);
            Map<String, Object> typed = typed(set, found, at + ".");
            ConnectorConfig.Builder builder = ConnectorConfig.builder(set);
            for (Option<?> option : set) {
                if (option.isRequired() && !found.containsKey(option.name())) {
                    reader.problem(
                            item.position(),
                            at,
                            "missing required option " + option.name() + " of connector kind " + kind);
                }
                Object value = typed.get(option.name());
                if (value != null) {
                    set(builder, option, value);
                }
            }
            if (name == null || typed.size() != found.size()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new JoineryConfig.Connector(name, kind, builder.build()));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // every cause was reported above
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(ConnectorConfig.Builder builder, Option<T> option, Object value) {
        builder.set(option, (T) value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Map<String, Object> values, Option<T> option) {
        Object value = values.get(option.name());
        return value != null ? (T) value : option.defaultValue();
    }
}
