package dev.joinery.app.config;

import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, valid {@code joinery.yaml} with defaults filled in and relative paths resolved against the file's folder.
 * Secrets are {@link Secret} references, not yet resolved. Immutable.
 *
 * @param file the configuration file, absolute
 * @param connectors the connectors in file order: the order of precedence ties and of the sync cycle
 */
public record JoineryConfig(
        Path file,
        List<Connector> connectors,
        Store store,
        Path rules,
        Thresholds thresholds,
        boolean stagingMode,
        Schedule schedule,
        Server server) {

    public JoineryConfig {
        Objects.requireNonNull(file, "file");
        connectors = List.copyOf(connectors);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(server, "server");
    }

    /** The connector named {@code name}, ignoring case. */
    public Optional<Connector> connector(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return connectors.stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    /** Every secret of the configuration, store first, then the connectors' in file order. */
    public List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>();
        if (store instanceof Postgresql pg && pg.password() != null) {
            secrets.add(pg.password());
        }
        for (Connector c : connectors) {
            for (Option<?> option : c.config().options()) {
                if (option.isSecret()) {
                    c.config().find(option).ifPresent(s -> secrets.add((Secret) s));
                }
            }
        }
        return secrets;
    }

    /** One item of {@code connectors}: its name, its kind, and the kind's options. */
    public record Connector(String name, String kind, ConnectorConfig config) {
        public Connector {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(config, "config");
        }
    }

    /** The {@code store} section: one of {@link H2} and {@link Postgresql}. */
    public sealed interface Store permits H2, Postgresql {
        /** {@code h2} or {@code postgresql}, as written in {@code store.type}. */
        String type();
    }

    /** An embedded H2 database in {@code path}, a folder created on first use. */
    public record H2(Path path) implements Store {
        public H2 {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String type() {
            return GlobalOptions.H2;
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param user the user name, or null when the URL or the server decides it
     * @param password the password reference, or null when none is configured
     */
    public record Postgresql(URI url, String user, Secret password) implements Store {
        public Postgresql {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String type() {
            return GlobalOptions.POSTGRESQL;
        }
    }

    /** The {@code thresholds} section. */
    public record Thresholds(DeletionThreshold deletion, int errorLimit) {
        public Thresholds {
            Objects.requireNonNull(deletion, "deletion");
        }
    }

    /** The {@code schedule} section. */
    public record Schedule(Duration interval, boolean enabled) {
        public Schedule {
            Objects.requireNonNull(interval, "interval");
        }
    }

    /** The {@code server} section. */
    public record Server(String host, int port) {
        public Server {
            Objects.requireNonNull(host, "host");
        }
    }
}
