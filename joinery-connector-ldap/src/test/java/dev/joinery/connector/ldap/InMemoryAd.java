package dev.joinery.connector.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import dev.joinery.connector.ldap.ad.AdSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An UnboundID in-memory directory server that looks like an Active Directory domain controller to the
 * connector: Active Directory's schema (the v1803 files in {@code ../shared/testdata/ad-schema}) plus the
 * Exchange attributes of the Azure AD Connect AD connector's schema ({@code
 * ../shared/testdata/aadc-export/Connectors}), objectGUID and objectSid set on add, and range retrieval as AD
 * does it ({@link AdLikeInterceptor}). On a fixed loopback port so that it can be restarted in place.
 */
final class InMemoryAd implements AutoCloseable {
    static final String BASE = "DC=contoso,DC=com";
    static final String BIND_DN = "CN=Joinery Sync,CN=Users," + BASE;
    /** Test-only credential of a throw-away in-process server. */
    static final String PASSWORD = "In-Memory-Test-1";

    private static Schema schema;

    final InMemoryDirectoryServer server;
    final AdLikeInterceptor interceptor;
    final int port;

    private InMemoryAd(InMemoryDirectoryServer server, AdLikeInterceptor interceptor, int port) {
        this.server = server;
        this.interceptor = interceptor;
        this.port = port;
    }

    /** The shared reference folder: {@code -Djoinery.shared}, {@code JOINERY_SHARED}, or {@code ../shared}. */
    static Path shared() {
        String property = System.getProperty("joinery.shared");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("JOINERY_SHARED");
        return env != null && !env.isBlank() ? Path.of(env) : Directories.ROOT.resolveSibling("shared");
    }

    /** Active Directory's schema with the AD connector's Exchange attributes; read once per JVM. */
    static synchronized Schema schema() {
        if (schema == null) {
            Path connectors = shared().resolve("testdata/aadc-export/Connectors");
            Path adConnector = connectors.resolve("Connector_{ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d}.xml");
            if (!Files.isRegularFile(adConnector)) {
                throw new IllegalStateException("the AD connector schema is missing: " + adConnector);
            }
            schema = AdSchema.load(shared().resolve("testdata/ad-schema"), adConnector);
        }
        return schema;
    }

    /** Starts a server holding the domain's root, {@code CN=Users} and the sync account, AD's 1,500-value ranges. */
    static InMemoryAd start() {
        return start(1500);
    }

    static InMemoryAd start(int maxValRange) {
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setSchema(schema());
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
            config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
            config.setEnforceSingleStructuralObjectClass(false);
            config.setMaxSizeLimit(0);
            AdLikeInterceptor interceptor = new AdLikeInterceptor(maxValRange);
            config.addInMemoryOperationInterceptor(interceptor);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            Entry base = new Entry(BASE);
            base.addAttribute("objectClass", "top", "domain", "domainDNS");
            base.addAttribute("dc", "contoso");
            server.add(base);
            server.add(new Entry(
                    "CN=Users," + BASE, new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "container")));
            server.startListening();
            return new InMemoryAd(server, interceptor, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot start the in-memory AD: " + e.getMessage(), e);
        }
    }

    Directories.Server server() {
        return new Directories.Server("127.0.0.1", port, BASE, BIND_DN, false);
    }

    /** Stops listening and drops every client connection, as a server that goes down. */
    void stop() {
        server.shutDown(true);
    }

    /** Listens again on the same port, with the same data. */
    void restart() {
        try {
            server.startListening();
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot listen again on " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
