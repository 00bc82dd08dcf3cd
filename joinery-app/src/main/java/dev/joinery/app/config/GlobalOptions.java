package dev.joinery.app.config;

import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import dev.joinery.connector.spi.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every option of {@code joinery.yaml} that is not a connector kind's own, declared once. A dotted name is a
 * section and a key: {@code server.port} is written {@code server:} then {@code port: 8642}.
 */
public final class GlobalOptions {
    /** The store types {@link #STORE_TYPE} accepts. */
    public static final String H2 = "h2";

    public static final String POSTGRESQL = "postgresql";

    public static final Option<String> STORE_TYPE = Option.oneOf("store.type", H2, POSTGRESQL)
            .withDescription("Where Joinery keeps connector spaces, the metaverse and run history:"
                    + " an embedded H2 database file, or a PostgreSQL server (for scale and shared high availability).")
            .withDefault(H2);

    public static final Option<Path> STORE_PATH = Option.path("store.path")
            .withDescription("Folder of the H2 database, created on first use (store type h2 only).")
            .withDefault(Path.of(".joinery/store"));

    public static final Option<URI> STORE_URL = Option.url("store.url")
            .withDescription("JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://db.contoso.com:5432/joinery"
                    + " (store type postgresql only; required there).");

    public static final Option<String> STORE_USER =
            Option.string("store.user").withDescription("PostgreSQL user name (store type postgresql only).");

    public static final Option<Secret> STORE_PASSWORD = Option.secret("store.password")
            .withDescription("PostgreSQL password, by reference (store type postgresql only).");

    public static final Option<Path> RULES = Option.path("rules")
            .withDescription("Folder of the sync rule files (*.yaml).")
            .withDefault(Path.of("rules"));

    public static final Option<String> DELETION_THRESHOLD = Option.string("thresholds.deletion")
            .withDescription("An Export that would delete more objects than this stops before deleting anything:"
                    + " a count, or a percentage of the connector's objects.")
            .withDefault("500")
            .withExpected(DeletionThreshold.EXPECTED)
            .withValidator(v -> DeletionThreshold.parse(v).isPresent()
                    ? null
                    : "expected " + DeletionThreshold.EXPECTED + ", found \"" + v + "\"");

    public static final Option<Integer> ERROR_LIMIT = Option.integer("thresholds.errorLimit")
            .withDescription("A run stops after this many object errors.")
            .withDefault(5000)
            .withRange(1, Integer.MAX_VALUE);

    public static final Option<Boolean> STAGING_MODE = Option.bool("stagingMode")
            .withDescription("Run everything but Export, so pending exports can be inspected before a cut-over.")
            .withDefault(false);

    public static final Option<Duration> SCHEDULE_INTERVAL = Option.duration("schedule.interval")
            .withDescription("Time from the start of one scheduled sync cycle to the start of the next.")
            .withDefault(Duration.ofMinutes(30))
            .withValidator(d -> d.isNegative() || d.isZero()
                    ? "expected a duration longer than zero, found " + Durations.format(d)
                    : null);

    public static final Option<Boolean> SCHEDULE_ENABLED = Option.bool("schedule.enabled")
            .withDescription("Whether the daemon starts sync cycles by itself.")
            .withDefault(true);

    public static final Option<String> SERVER_HOST = Option.string("server.host")
            .withDescription("Address the REST API, web UI and metrics listen on.")
            .withDefault("127.0.0.1");

    public static final Option<Integer> SERVER_PORT = Option.integer("server.port")
            .withDescription("TCP port of the REST API, web UI and metrics.")
            .withDefault(8642)
            .withRange(1, 65535);

    /** The global options in the order help, docs and {@code config show} list them. */
    public static final OptionSet ALL = OptionSet.of(
            "global",
            STORE_TYPE,
            STORE_PATH,
            STORE_URL,
            STORE_USER,
            STORE_PASSWORD,
            RULES,
            DELETION_THRESHOLD,
            ERROR_LIMIT,
            STAGING_MODE,
            SCHEDULE_INTERVAL,
            SCHEDULE_ENABLED,
            SERVER_HOST,
            SERVER_PORT);

    /** The key of the connector list. */
    public static final String CONNECTORS = "connectors";

    public static final Option<String> CONNECTOR_NAME = Option.string("name")
            .withDescription("The connector's name, unique ignoring case; used in commands, logs and the store.")
            .required()
            .withValidator(v -> v.isBlank() || !v.strip().equals(v) || v.chars().anyMatch(Character::isISOControl)
                    ? "expected a name without leading or trailing spaces or control characters, found \"" + v + "\""
                    : null);

    public static final Option<String> CONNECTOR_KIND = Option.string("kind")
            .withDescription("The connector kind, which decides the other options of the connector.")
            .required();

    /** The options every connector has, whatever its kind; each item of {@code connectors} starts with them. */
    public static final OptionSet CONNECTOR = OptionSet.of("connector", CONNECTOR_NAME, CONNECTOR_KIND);

    private GlobalOptions() {}
}
