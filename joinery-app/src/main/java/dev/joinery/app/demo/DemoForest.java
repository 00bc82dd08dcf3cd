package dev.joinery.app.demo;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * One demo forest: an UnboundID in-memory directory server on a free loopback port with Active Directory's schema,
 * loaded with generated entries. The sync account is an extra bind credential. Thread-safe as the server is.
 */
public final class DemoForest implements AutoCloseable {
    private final String domain;
    private final String baseDn;
    private final String bindDn;
    private final String password;
    private final InMemoryDirectoryServer server;

    private DemoForest(String domain, String baseDn, String bindDn, String password, InMemoryDirectoryServer server) {
        this.domain = domain;
        this.baseDn = baseDn;
        this.bindDn = bindDn;
        this.password = password;
        this.server = server;
    }

    /**
     * Starts a forest.
     *
     * @throws IllegalStateException when the server cannot start or an entry does not fit the schema
     */
    public static DemoForest start(String domain, String baseDn, Schema schema, List<Entry> entries, String password) {
        String bindDn = "CN=Joinery Sync,CN=Users," + baseDn;
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
            config.setSchema(schema);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0, null));
            config.addAdditionalBindCredentials(bindDn, password);
            config.setEnforceSingleStructuralObjectClass(false);
            config.setMaxSizeLimit(0);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            String dc = baseDn.substring(3, baseDn.indexOf(','));
            Entry base = new Entry(baseDn);
            base.addAttribute("objectClass", "top", "domain", "domainDNS");
            base.addAttribute("dc", dc);
            server.add(base);
            for (Entry e : entries) {
                try {
                    server.add(e);
                } catch (LDAPException ex) {
                    throw new IllegalStateException("cannot add " + e.getDN() + ": " + ex.getMessage(), ex);
                }
            }
            server.startListening();
            return new DemoForest(domain, baseDn, bindDn, password, server);
        } catch (LDAPException | UnknownHostException e) {
            throw new IllegalStateException("cannot start the " + domain + " directory: " + e.getMessage(), e);
        }
    }

    public String domain() {
        return domain;
    }

    public String baseDn() {
        return baseDn;
    }

    public String bindDn() {
        return bindDn;
    }

    /** The demo's bind password (a throw-away value printed for the operator). */
    public String password() {
        return password;
    }

    public int port() {
        return server.getListenPort();
    }

    public String url() {
        return "ldap://127.0.0.1:" + port();
    }

    /** The server, for tests that change entries directly. */
    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
