package dev.joinery.connector.scim;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.ObjectLookup;
import dev.joinery.connector.spi.SchemaDiscovery;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.connector.spi.config.ConnectorConfig;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;

/**
 * The SCIM 2.0 connector (RFC 7643, RFC 7644): object types {@code User} (core schema and the enterprise
 * extension) and {@code Group}, anchored by the SCIM {@code id}, with DNs {@code Users/<userName>} and {@code
 * Groups/<displayName>}. Attribute names are listed in {@link ScimResourceType}: {@code userName}, {@code
 * name.givenName}, {@code emails.work}, {@code department}, {@code manager}, {@code members}, ...
 *
 * <p>Capabilities: {@link SchemaDiscovery} (from {@code /Schemas}, {@code /ResourceTypes}), {@link FullImport}
 * (paged {@code GET}) and {@link Export} ({@code POST}, {@code PATCH}, {@code DELETE}). There is no {@code
 * DeltaImport}: SCIM defines no change feed, so every import is full. {@link ObjectLookup} (the engine's outbound
 * join) looks objects up by one attribute with a SCIM filter.
 *
 * <p>Used from one thread at a time, as the SPI says. Not for subclassing.
 */
public final class ScimConnector implements Connector, SchemaDiscovery, FullImport, Export, ObjectLookup {
    private final ConnectorConfig config;
    private final Sleeper sleeper;
    private ScimClient client;
    private ScimDiscovery.Service service;
    private ScimImporter importer;
    private ScimExporter exporter;

    /**
     * @param config values of {@link ScimOptions#OPTIONS}
     * @param sleeper waits out {@code Retry-After}; tests pass one that records instead of waiting
     */
    public ScimConnector(ConnectorConfig config, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Reveals the credentials, reads {@code /ServiceProviderConfig} and {@code /ResourceTypes}, and checks that
     * the service supports PATCH.
     *
     * @throws ConnectorException {@code CONFIGURATION} when the options for the chosen auth are missing or the
     *     service refuses them; {@code NETWORK} when it cannot be reached
     */
    @Override
    public void open(ConnectorContext context) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.get(ScimOptions.TIMEOUT))
                .build();
        client = new ScimClient(
                http,
                config.get(ScimOptions.BASE_URL),
                tokens(http, context),
                sleeper,
                context.clock(),
                config.get(ScimOptions.TIMEOUT),
                config.get(ScimOptions.RETRIES),
                config.get(ScimOptions.MAX_RETRY_WAIT));
        service = new ScimDiscovery(client).service();
        importer = new ScimImporter(client, config.get(ScimOptions.PAGE_SIZE), service.types());
        exporter = new ScimExporter(client, importer);
    }

    private TokenSource tokens(HttpClient http, ConnectorContext context) {
        if (config.get(ScimOptions.AUTH).equals("bearer")) {
            return TokenSource.fixed(config.find(ScimOptions.TOKEN)
                    .orElseThrow(() -> missing("token", "bearer"))
                    .reveal());
        }
        var secret =
                config.find(ScimOptions.OAUTH_CLIENT_SECRET).orElseThrow(() -> missing("oauth.clientSecret", "oauth"));
        return new ClientCredentialsTokenSource(
                http,
                config.find(ScimOptions.OAUTH_TOKEN_URL).orElseThrow(() -> missing("oauth.tokenUrl", "oauth")),
                config.find(ScimOptions.OAUTH_CLIENT_ID).orElseThrow(() -> missing("oauth.clientId", "oauth")),
                secret::reveal,
                config.find(ScimOptions.OAUTH_SCOPE).orElse(null),
                context.clock(),
                config.get(ScimOptions.TIMEOUT));
    }

    private static ConnectorException missing(String option, String auth) {
        return new ConnectorException(
                ConnectorError.of(ConnectorError.Code.CONFIGURATION, option + " is required when auth is " + auth));
    }

    @Override
    public void close() {
        client = null;
        service = null;
        importer = null;
        exporter = null;
    }

    @Override
    public ConnectorSchema discoverSchema() {
        opened();
        return new ScimDiscovery(client).schema(service);
    }

    /** Every user and group; returns {@link Watermark#NONE}, as SCIM has no delta. */
    @Override
    public Watermark fullImport(ImportSink sink) {
        return opened().importer.fullImport(sink);
    }

    @Override
    public List<ExportResult> export(List<ExportChange> batch) {
        return opened().exporter.export(batch);
    }

    /**
     * The objects of {@code objectType} whose {@code attribute} holds {@code value}, found by a SCIM filter
     * ({@code GET /Users?filter=userName eq "alice"}, {@code externalId eq "..."}, {@code emails[type eq "work" and
     * value eq "..."]}): the outbound join lookup. A {@link AttributeValue.Reference} ({@code manager}, {@code
     * members}) is the referenced object's DN, turned into its SCIM id first (no such object: no match). Text
     * comparison is the service's (RFC 7643 makes {@code userName} case-insensitive).
     */
    @Override
    public List<ConnectorObject> find(String objectType, String attribute, AttributeValue value) {
        ScimResourceType type = ScimResourceType.ofObjectType(objectType)
                .orElseThrow(() -> new IllegalArgumentException("no SCIM object type " + objectType));
        ScimAttribute a = type.attribute(attribute)
                .orElseThrow(() -> new ScimResourceType.UnknownAttributeException(attribute, type));
        if (value instanceof AttributeValue.Binary) {
            throw new IllegalArgumentException("SCIM filters compare text, not binary values");
        }
        if (!(value instanceof AttributeValue.Reference)) {
            return opened().importer.find(type, a, value.toString());
        }
        String dn = value.toString();
        ScimResourceType referenced =
                ScimResourceType.ofDn(dn).orElseThrow(() -> new IllegalArgumentException(dn + " is not a SCIM DN"));
        List<ConnectorObject> target = opened().importer
                .find(referenced, referenced.attribute(referenced.naming).orElseThrow(), referenced.namingValue(dn));
        return target.size() == 1
                ? opened().importer.find(type, a, target.get(0).anchor().value())
                : List.of();
    }

    private ScimConnector opened() {
        if (client == null) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.CONFIGURATION, "the connector is not open"));
        }
        return this;
    }
}
