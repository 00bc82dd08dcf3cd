package dev.joinery.connector.graph;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.ObjectLookup;
import dev.joinery.connector.spi.SchemaDiscovery;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import dev.joinery.connector.spi.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code graph} connector kind (Entra ID through Microsoft Graph): one option per {@link GraphConnectorConfig}
 * component. The client secret stays a reference until {@link Connector#open}. Stateless and thread-safe.
 */
public final class GraphConnectorFactory implements ConnectorFactory {
    static final Option<String> TENANT = Option.string("tenant")
            .withDescription("Tenant id or verified domain (the token endpoint's path segment).")
            .required();
    static final Option<URI> AUTHORITY = Option.url("authority")
            .withDescription("The identity platform's base URL.")
            .withDefault(URI.create("https://login.microsoftonline.com"));
    static final Option<URI> GRAPH_ENDPOINT = Option.url("graphEndpoint")
            .withDescription("The Graph service root.")
            .withDefault(URI.create("https://graph.microsoft.com/v1.0"));
    static final Option<String> CLIENT_ID = Option.string("clientId")
            .withDescription("Application (client) id.")
            .required();
    static final Option<Secret> CLIENT_SECRET =
            Option.secret("clientSecret").withDescription("Client secret, by reference; give it or certificateFile.");
    static final Option<Path> CERTIFICATE_FILE = Option.path("certificateFile")
            .withDescription("PKCS#12 file with the app's certificate and private key, for a signed client assertion"
                    + " (msal4j); give it or clientSecret.");
    static final Option<Secret> CERTIFICATE_PASSWORD =
            Option.secret("certificatePassword").withDescription("The certificateFile's password, by reference.");
    static final Option<List<String>> SCOPES = Option.stringList("scopes")
            .withDescription("Scopes asked for.")
            .withDefault(List.of("https://graph.microsoft.com/.default"));
    static final Option<String> TOKEN_CLIENT = Option.oneOf("tokenClient", "msal", "http-form")
            .withDescription("How tokens are fetched: msal, or http-form (a plain client-credentials POST, only for"
                    + " an emulator over http).")
            .withDefault("msal");
    static final Option<Integer> PAGE_SIZE = Option.integer("pageSize")
            .withDescription("$top for list calls.")
            .withDefault(999)
            .withRange(1, 999);
    static final Option<Integer> BATCH_SIZE = Option.integer("batchSize")
            .withDescription("Requests per $batch.")
            .withDefault(20)
            .withRange(1, 20);
    static final Option<Integer> WRITES_PER_WINDOW = Option.integer("writeRate.writes")
            .withDescription("At most this many writes per writeRate.window, paced on the client.")
            .withDefault(3000)
            .withRange(1, Integer.MAX_VALUE);
    static final Option<Duration> WRITE_WINDOW = Option.duration("writeRate.window")
            .withDescription("The window of writeRate.writes.")
            .withDefault(Duration.ofSeconds(150));

    static final Option<Path> TRUST_STORE_FILE = Option.path("trustStoreFile")
            .withDescription("PKCS#12 trust store for the authority's and Graph's certificates (default: the JVM's);"
                    + " certificates are always verified.");
    static final Option<Secret> TRUST_STORE_PASSWORD =
            Option.secret("trustStorePassword").withDescription("The trust store's password, by reference.");

    static final OptionSet OPTIONS = OptionSet.of(
            "graph",
            TENANT,
            AUTHORITY,
            GRAPH_ENDPOINT,
            CLIENT_ID,
            CLIENT_SECRET,
            CERTIFICATE_FILE,
            CERTIFICATE_PASSWORD,
            SCOPES,
            TOKEN_CLIENT,
            PAGE_SIZE,
            BATCH_SIZE,
            WRITES_PER_WINDOW,
            WRITE_WINDOW,
            TRUST_STORE_FILE,
            TRUST_STORE_PASSWORD);

    @Override
    public String kind() {
        return "graph";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Connector create(String name, ConnectorConfig config) {
        return new Deferred(config);
    }

    /**
     * The configuration with the secrets revealed, at open time.
     *
     * @throws ConnectorException CONFIGURATION when neither or both of clientSecret and certificateFile are given
     */
    static GraphConnectorConfig toConfig(ConnectorConfig config) {
        try {
            return builder(config).build();
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.CONFIGURATION, "the graph options: " + e.getMessage()));
        }
    }

    private static GraphConnectorConfig.Builder builder(ConnectorConfig config) {
        return GraphConnectorConfig.builder()
                .tenant(config.get(TENANT))
                .authority(config.get(AUTHORITY))
                .graphEndpoint(config.get(GRAPH_ENDPOINT))
                .clientId(config.get(CLIENT_ID))
                .clientSecret(config.find(CLIENT_SECRET)
                        .map(p -> SecretReference.value(p.reveal()))
                        .orElse(null))
                .certificate(
                        config.find(CERTIFICATE_FILE).map(SecretReference::file).orElse(null),
                        config.find(CERTIFICATE_PASSWORD)
                                .map(p -> SecretReference.value(p.reveal()))
                                .orElse(null))
                .scopes(config.get(SCOPES))
                .tokenClient(
                        config.get(TOKEN_CLIENT).equals("http-form")
                                ? GraphConnectorConfig.TokenClient.HTTP_FORM
                                : GraphConnectorConfig.TokenClient.MSAL)
                .pageSize(config.get(PAGE_SIZE))
                .batchSize(config.get(BATCH_SIZE))
                .writeRate(config.get(WRITES_PER_WINDOW), config.get(WRITE_WINDOW))
                .trustStore(
                        config.find(TRUST_STORE_FILE).orElse(null),
                        config.find(TRUST_STORE_PASSWORD)
                                .map(p -> SecretReference.value(p.reveal()))
                                .orElse(null));
    }

    /** A {@link GraphConnector} made when opened, so that the secret is read only then. Not thread-safe. */
    private static final class Deferred
            implements Connector, SchemaDiscovery, FullImport, DeltaImport, Export, ObjectLookup {
        private final ConnectorConfig config;
        private GraphConnector delegate;

        Deferred(ConnectorConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        @Override
        public void open(ConnectorContext context) {
            close();
            GraphConnector c = new GraphConnector(toConfig(config));
            c.open(context);
            delegate = c;
        }

        @Override
        public void close() {
            if (delegate != null) {
                delegate.close();
                delegate = null;
            }
        }

        @Override
        public ConnectorSchema discoverSchema() {
            return GraphSchema.schema();
        }

        @Override
        public Watermark fullImport(ImportSink sink) {
            return opened().fullImport(sink);
        }

        @Override
        public Watermark deltaImport(Watermark since, ImportSink sink) {
            return opened().deltaImport(since, sink);
        }

        @Override
        public int maxBatchSize() {
            return 100;
        }

        @Override
        public List<ExportResult> export(List<ExportChange> batch) {
            return opened().export(batch);
        }

        @Override
        public List<ConnectorObject> find(String objectType, String attribute, AttributeValue value) {
            return opened().find(objectType, attribute, value);
        }

        private GraphConnector opened() {
            if (delegate == null) {
                throw new IllegalStateException("the connector is not open");
            }
            return delegate;
        }

        @Override
        public String toString() {
            return "GraphConnector[" + config + "]";
        }
    }
}
