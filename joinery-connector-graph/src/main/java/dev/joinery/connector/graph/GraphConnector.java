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
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.connector.spi.Watermark;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;

/**
 * The Microsoft Entra ID connector, over Microsoft Graph v1.0 (graph-directory-notes.md). Object types
 * {@code user}, {@code group} (with {@code members}), {@code contact} (read-only in Graph) and {@code device},
 * anchored by the Graph object id; DNs are {@code users/<userPrincipalName>}, {@code groups/<mailNickname>},
 * {@code contacts/<id>}, {@code devices/<id>}. The on-premises sourceAnchor goes to {@code
 * onPremisesImmutableId}, which may be set once and never changed ({@code IMMUTABLE_VIOLATION}). The
 * watermark holds Graph delta links. Uniqueness conflicts (userPrincipalName, proxyAddresses, mail) are
 * {@code CONFLICT} naming the property; throttling is waited out and reported {@code THROTTLED} only when it
 * persists. {@link ObjectLookup} finds objects by one property for the outbound join. Used from one thread at a time, as the SPI says. Not for subclassing.
 */
public final class GraphConnector implements Connector, SchemaDiscovery, FullImport, DeltaImport, Export, ObjectLookup {
    private final GraphConnectorConfig config;
    private final Sleeper sleeper;
    private final TokenSourceFactory tokenSources;
    private GraphImporter importer;
    private GraphExporter exporter;
    private HttpClient http;

    /** Makes the token source for an opened connector; a seam for tests. */
    interface TokenSourceFactory {
        TokenSource create(GraphConnectorConfig config, HttpClient http, java.time.Clock clock);
    }

    public GraphConnector(GraphConnectorConfig config) {
        this(config, Sleeper.system());
    }

    /** With an injected sleeper, for tests that advance a fake clock instead of waiting. */
    public GraphConnector(GraphConnectorConfig config, Sleeper sleeper) {
        this(config, sleeper, GraphConnector::defaultTokenSource);
    }

    GraphConnector(GraphConnectorConfig config, Sleeper sleeper, TokenSourceFactory tokenSources) {
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.tokenSources = tokenSources;
    }

    private static TokenSource defaultTokenSource(GraphConnectorConfig config, HttpClient http, java.time.Clock clock) {
        return config.tokenClient() == GraphConnectorConfig.TokenClient.HTTP_FORM
                ? new FormTokenSource(config, http, clock)
                : new MsalTokenSource(config, http.sslContext(), clock);
    }

    /** Signs in (fetches a token) and checks that Graph answers. */
    @Override
    public void open(ConnectorContext context) {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(GraphTls.context(config))
                .build();
        GraphClient client = new GraphClient(
                config, tokenSources.create(config, http, context.clock()), context.clock(), sleeper, http);
        client.get("/users?$select=id&$top=1", "check access to " + config.tenant());
        importer = new GraphImporter(client, config.pageSize());
        exporter = new GraphExporter(
                client,
                new WriteRateLimiter(config.writesPerWindow(), config.writeWindow(), context.clock(), sleeper),
                config.batchSize());
    }

    @Override
    public void close() {
        importer = null;
        exporter = null;
        http = null;
    }

    @Override
    public ConnectorSchema discoverSchema() {
        return GraphSchema.schema();
    }

    @Override
    public Watermark fullImport(ImportSink sink) {
        return opened(importer).fullImport(sink);
    }

    @Override
    public Watermark deltaImport(Watermark since, ImportSink sink) {
        return opened(importer).deltaImport(since, sink);
    }

    /** At most as many changes as 20 batches of 20 requests carry in the simplest case. */
    @Override
    public int maxBatchSize() {
        return 100;
    }

    @Override
    public List<ExportResult> export(List<ExportChange> batch) {
        return opened(exporter).export(batch);
    }

    /**
     * Looks objects up by {@code $filter} on one property ({@code mail eq '...'}, {@code
     * proxyAddresses/any(x:x eq 'SMTP:...')}, {@code onPremisesImmutableId eq '...'}) or by {@code id}.
     */
    @Override
    public List<ConnectorObject> find(String objectType, String attribute, AttributeValue value) {
        GraphSchema.Type t = GraphSchema.type(objectType)
                .orElseThrow(() -> new IllegalArgumentException("no Graph object type " + objectType));
        return opened(importer).find(t, attribute, value);
    }

    private static <T> T opened(T part) {
        if (part == null) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.CONFIGURATION, "the connector is not open"));
        }
        return part;
    }
}
