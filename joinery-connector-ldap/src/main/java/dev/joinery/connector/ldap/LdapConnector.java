package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.schema.Schema;
import dev.joinery.connector.ldap.ad.AdDirSyncStrategy;
import dev.joinery.connector.ldap.ad.UsnChangedSyncStrategy;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.SchemaDiscovery;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.connector.spi.Watermark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The connector to Active Directory or a generic LDAP server: schema discovery, full import (simple paged
 * results, AD range retrieval), delta import (the configured {@link SyncStrategy}) and export. Used from one
 * thread at a time, as the SPI says; may be opened again after {@link #close()}.
 *
 * <pre>{@code
 * LdapConnectorConfig config = LdapConnectorConfig.activeDirectory()
 *         .host("dc1.example.com")
 *         .trustedCertificateFile(Path.of("/etc/joinery/ad-ca.pem"))
 *         .bind("CN=svc-joinery,OU=Service,DC=example,DC=com", Secret.of("${env:AD_PASSWORD}"))
 *         .includeContainer("OU=Corp,DC=example,DC=com")
 *         .build();
 * try (LdapConnector connector = new LdapConnector(config)) {
 *     connector.open(context);
 *     Watermark watermark = connector.fullImport(sink);
 * }
 * }</pre>
 */
public final class LdapConnector implements Connector, SchemaDiscovery, FullImport, DeltaImport, Export {
    private static final System.Logger LOG = System.getLogger(LdapConnector.class.getName());

    private final LdapConnectorConfig config;
    private final Sleeper sleeper;
    private LdapConnections connections;
    private Schema schema;
    private LdapReader reader;
    private SyncStrategy sync;
    private LdapExporter exporter;
    private java.util.concurrent.ExecutorService exportThreads;
    private String name = "ldap";

    public LdapConnector(LdapConnectorConfig config) {
        this(config, Sleeper.system());
    }

    /** With the waits between retries injected (tests pass one that does not sleep). */
    public LdapConnector(LdapConnectorConfig config, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public LdapConnectorConfig config() {
        return config;
    }

    @Override
    public void open(ConnectorContext context) {
        close();
        name = context.connectorName();
        LdapConnections opened = LdapConnections.open(config, sleeper, name);
        try {
            RootDSE dse = opened.rootDse();
            List<String> partitions = new ArrayList<>(config.partitions());
            if (partitions.isEmpty()) {
                String def = dse.getAttributeValue("defaultNamingContext");
                if (def != null) {
                    partitions.add(def);
                } else if (dse.getNamingContextDNs() != null && dse.getNamingContextDNs().length > 0) {
                    partitions.add(dse.getNamingContextDNs()[0]);
                } else {
                    throw new ConnectorException(ConnectorError.of(
                            ConnectorError.Code.CONFIGURATION, "no partition configured and the server names none"));
                }
            }
            schema = opened.read("read the schema", c -> c.getSchema(partitions.get(0)));
            EntryMapper mapper = new EntryMapper(LdapSchemaReader.attributes(schema));
            LdapScope scope = new LdapScope(config, partitions);
            AnchorCodec anchors = AnchorCodec.of(config.anchor());
            List<String> extra = new ArrayList<>();
            if (config.deltaStrategy() == LdapConnectorConfig.DeltaStrategy.MODIFY_TIMESTAMP) {
                extra.add(config.changeAttribute());
            } else if (config.deltaStrategy() == LdapConnectorConfig.DeltaStrategy.CONTENT_SYNC) {
                extra.add("entryCSN");
            }
            reader = new LdapReader(opened, scope, mapper, anchors, config.attributes(), extra, config.pageSize());
            sync = strategy(reader, dse);
            boolean permissive = dse.supportsControl(LdapExporter.PERMISSIVE_MODIFY_OID);
            if (config.poolSize() > 1) {
                exportThreads = java.util.concurrent.Executors.newFixedThreadPool(config.poolSize(), r -> {
                    Thread t = new Thread(r, "joinery-ldap-export-" + name);
                    t.setDaemon(true);
                    return t;
                });
            }
            exporter = new LdapExporter(
                    config,
                    reader,
                    anchors,
                    permissive,
                    dse.supportsControl(LdapExporter.POST_READ_OID),
                    exportThreads);
            connections = opened;
            LOG.log(
                    System.Logger.Level.INFO,
                    "LDAP {0}: opened; partitions {1}, bases {2}, delta {3}, anchor {4}",
                    name,
                    partitions,
                    scope.bases(),
                    config.deltaStrategy(),
                    config.anchor().attribute());
        } catch (RuntimeException e) {
            opened.close();
            if (exportThreads != null) {
                exportThreads.shutdownNow();
                exportThreads = null;
            }
            throw e;
        }
    }

    private SyncStrategy strategy(LdapReader reader, RootDSE dse) {
        if (config.deltaStrategy() == LdapConnectorConfig.DeltaStrategy.CONTENT_SYNC
                && !dse.supportsControl(ContentSyncStrategy.OID)) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "LDAP {0}: the server offers no content sync ({1}); deltas by entryCSN instead",
                    name,
                    ContentSyncStrategy.OID);
            return new ModifyTimestampSyncStrategy(reader, "entryCSN");
        }
        return switch (config.deltaStrategy()) {
            case AD_DIRSYNC -> new AdDirSyncStrategy(reader);
            case USN_CHANGED -> new UsnChangedSyncStrategy(reader);
            case MODIFY_TIMESTAMP -> new ModifyTimestampSyncStrategy(reader, config.changeAttribute());
            case CONTENT_SYNC -> new ContentSyncStrategy(reader);
            case NONE -> new SyncStrategy.None();
        };
    }

    private void requireOpen() {
        if (connections == null) {
            throw new IllegalStateException("the connector is not open");
        }
    }

    @Override
    public ConnectorSchema discoverSchema() {
        requireOpen();
        return LdapSchemaReader.read(
                schema,
                config.objectTypes(),
                config.attributes(),
                config.anchor().attribute());
    }

    @Override
    public Watermark fullImport(ImportSink sink) {
        requireOpen();
        long start = System.nanoTime();
        long[] count = {0};
        Watermark w = sync.fullImport(
                reader,
                new ImportSink() {
                    @Override
                    public void accept(ImportChange change) {
                        count[0]++;
                        sink.accept(change);
                    }

                    @Override
                    public void checkpoint(Watermark watermark) {
                        sink.checkpoint(watermark);
                    }
                },
                config.pageSize());
        LOG.log(
                System.Logger.Level.INFO,
                "LDAP {0}: full import: {1} objects in {2} ms",
                name,
                count[0],
                (System.nanoTime() - start) / 1_000_000);
        return w;
    }

    @Override
    public Watermark deltaImport(Watermark since, ImportSink sink) {
        requireOpen();
        if (since.isNone()) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.WATERMARK_EXPIRED, "no watermark: run a full import first"));
        }
        return sync.deltaImport(since, sink);
    }

    @Override
    public int maxBatchSize() {
        return 100;
    }

    @Override
    public List<ExportResult> export(List<ExportChange> batch) {
        requireOpen();
        return exporter.export(batch);
    }

    /** The reader, for tests and tools in this package. */
    LdapReader reader() {
        requireOpen();
        return reader;
    }

    @Override
    public void close() {
        if (exportThreads != null) {
            exportThreads.shutdownNow();
            exportThreads = null;
        }
        if (connections != null) {
            connections.close();
            connections = null;
            LOG.log(System.Logger.Level.INFO, "LDAP {0}: closed", name);
        }
    }

    @Override
    public String toString() {
        return "LdapConnector[" + name + ", " + Arrays.toString(config.hosts().toArray()) + "]";
    }
}
