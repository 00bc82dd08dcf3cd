package dev.joinery.app.config;

import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.OptionSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The installed connector kinds, each a {@link ConnectorFactory}, sorted by kind name. */
public final class ConnectorKinds {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");

    private final Map<String, ConnectorFactory> byKind;

    private ConnectorKinds(Map<String, ConnectorFactory> byKind) {
        this.byKind = byKind;
    }

    /** The factories on the class path, listed in {@code META-INF/services}. */
    public static ConnectorKinds discover() {
        return of(ServiceLoader.load(ConnectorFactory.class, ConnectorKinds.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ConnectorFactory::kind))
                .toList());
    }

    /**
     * These factories.
     *
     * @throws IllegalStateException when two share a kind, a kind name is malformed, or a kind declares an option
     *     named {@code name} or {@code kind}
     */
    public static ConnectorKinds of(List<? extends ConnectorFactory> factories) {
        Map<String, ConnectorFactory> byKind = new TreeMap<>();
        for (ConnectorFactory f : factories) {
            String kind = f.kind();
            if (!KIND.matcher(kind).matches()) {
                throw new IllegalStateException(f.getClass().getName() + ": connector kind '" + kind
                        + "' must be lower-case letters, digits and hyphens");
            }
            ConnectorFactory earlier = byKind.put(kind, f);
            if (earlier != null) {
                throw new IllegalStateException("connector kind " + kind + " is provided twice: by "
                        + earlier.getClass().getName() + " and " + f.getClass().getName());
            }
            OptionSet options = f.options();
            for (String reserved : List.of("name", "kind")) {
                if (options.find(reserved).isPresent() || options.isSection(reserved)) {
                    throw new IllegalStateException(
                            "connector kind " + kind + " declares option " + reserved + ", which every connector has");
                }
            }
        }
        return new ConnectorKinds(byKind);
    }

    public Optional<ConnectorFactory> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The kind names, sorted. */
    public List<String> names() {
        return List.copyOf(byKind.keySet());
    }

    /** The factories, sorted by kind. */
    public List<ConnectorFactory> factories() {
        return List.copyOf(byKind.values());
    }
}
