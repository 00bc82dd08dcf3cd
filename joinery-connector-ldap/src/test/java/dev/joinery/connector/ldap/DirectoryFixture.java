package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.testkit.ConnectorFixture;
import dev.joinery.testkit.TestConnectorContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link ConnectorFixture} over a real server: a fresh OU per fixture (with a second OU inside for moves),
 * a backdoor connection of the test's own, and the connector configured on the OU. Removes the OU on close.
 */
abstract class DirectoryFixture implements ConnectorFixture {
    final Directories.Server server;
    final String ou;
    final String otherOu;
    final LDAPConnection backdoor;
    final LdapConnector connector;
    final ConnectorContext context = new TestConnectorContext("it", Clock.systemUTC());
    private final EntryMapper mapper;

    final LdapConnectorConfig.DeltaStrategy strategy;

    DirectoryFixture(Directories.Server server, String ouAttribute, LdapConnectorConfig.DeltaStrategy strategy) {
        if (server.managed()) {
            Directories.start();
        }
        this.server = server;
        this.strategy = strategy;
        String id = UUID.randomUUID().toString().substring(0, 8);
        this.ou = ouAttribute + "=joinery-it-" + id + "," + server.base();
        this.otherOu = ouAttribute + "=other," + ou;
        try {
            backdoor = connect();
            backdoor.add(new Entry(ou, new Attribute("objectClass", "top", "organizationalUnit")));
            backdoor.add(new Entry(otherOu, new Attribute("objectClass", "top", "organizationalUnit")));
            mapper = new EntryMapper(LdapSchemaReader.attributes(backdoor.getSchema(server.base())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare " + ou + ": " + e.getMessage(), e);
        }
        connector = new LdapConnector(config(LdapConnectorConfig.builder()).build());
        connector.open(context);
    }

    /** The connector's configuration for this server, on top of the host, trust and bind already set. */
    abstract LdapConnectorConfig.Builder configure(LdapConnectorConfig.Builder builder);

    abstract boolean startTls();

    LdapConnectorConfig.Builder config(LdapConnectorConfig.Builder b) {
        b.host(server.host()).port(server.port());
        if (server.managed()) {
            b.trustedCertificateFile(Directories.caCertificate());
        }
        b.bind(server.bindDn(), Secret.literal(server.password()))
                .partition(server.base())
                .includeContainer(ou);
        return configure(b);
    }

    LDAPConnection connect() throws Exception {
        if (!server.managed()) {
            return new LDAPConnection(server.host(), server.port(), server.bindDn(), new String(server.password()));
        }
        SSLUtil ssl =
                new SSLUtil(new PEMFileTrustManager(Directories.caCertificate().toFile()));
        LDAPConnection c;
        if (startTls()) {
            c = new LDAPConnection(new LDAPConnectionOptions(), server.host(), server.port());
            c.processExtendedOperation(new StartTLSExtendedRequest(ssl.createSSLContext()));
        } else {
            c = new LDAPConnection(ssl.createSSLSocketFactory(), server.host(), server.port());
        }
        c.bind(server.bindDn(), new String(Directories.password()));
        return c;
    }

    abstract String anchorAttribute();

    abstract Anchor anchorOf(SearchResultEntry entry);

    abstract com.unboundid.ldap.sdk.Filter anchorFilter(Anchor anchor);

    abstract List<String> objectClasses(String objectType);

    @Override
    public Connector connector() {
        return connector;
    }

    @Override
    public ConnectorContext context() {
        return context;
    }

    @Override
    public Anchor create(String objectType, String dn, Map<String, List<AttributeValue>> attributes) {
        try {
            Entry e = new Entry(dn);
            e.addAttribute("objectClass", objectClasses(objectType).toArray(new String[0]));
            attributes.forEach((name, values) -> {
                if (!values.isEmpty()) {
                    e.addAttribute(new Attribute(name, EntryMapper.bytes(values)));
                }
            });
            backdoor.add(e);
            return anchorOf(backdoor.getEntry(dn, anchorAttribute()));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    String dnOf(Anchor anchor) throws LDAPException {
        for (SearchResultEntry e : backdoor.search(server.base(), SearchScope.SUB, anchorFilter(anchor), "1.1")
                .getSearchEntries()) {
            return e.getDN();
        }
        throw new IllegalStateException("no object " + anchor);
    }

    @Override
    public void modify(Anchor anchor, List<AttributeChange> changes) {
        try {
            List<Modification> mods = new ArrayList<>();
            for (AttributeChange c : changes) {
                byte[][] v = EntryMapper.bytes(c.values());
                switch (c.operation()) {
                    case ADD -> mods.add(new Modification(ModificationType.ADD, c.name(), v));
                    case DELETE -> mods.add(new Modification(ModificationType.DELETE, c.name(), v));
                    case REPLACE -> mods.add(new Modification(ModificationType.REPLACE, c.name(), v));
                    case CLEAR -> mods.add(new Modification(ModificationType.REPLACE, c.name()));
                }
            }
            backdoor.modify(dnOf(anchor), mods);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void rename(Anchor anchor, String newDn) {
        try {
            DN target = new DN(newDn);
            DN current = new DN(dnOf(anchor));
            String superior = target.getParent().equals(current.getParent())
                    ? null
                    : target.getParent().toString();
            backdoor.modifyDN(new ModifyDNRequest(current.toString(), target.getRDNString(), true, superior));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void delete(Anchor anchor) {
        try {
            backdoor.delete(dnOf(anchor));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<ConnectorObject> read(Anchor anchor) {
        try {
            for (SearchResultEntry e : backdoor.search(
                            server.base(), SearchScope.SUB, anchorFilter(anchor), "*", anchorAttribute())
                    .getSearchEntries()) {
                String type = e.hasObjectClass(objectClasses(groupType())
                                .get(objectClasses(groupType()).size() - 1))
                        ? groupType()
                        : userType();
                return Optional.of(mapper.toObject(anchor, type, e));
            }
            return Optional.empty();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String userDn(String name) {
        return "CN=" + name + "," + ou;
    }

    @Override
    public String groupDn(String name) {
        return "CN=" + name + "," + ou;
    }

    @Override
    public Optional<String> userDnInOtherContainer(String name) {
        return Optional.of("CN=" + name + "," + otherOu);
    }

    @Override
    public String textAttribute() {
        return "displayName";
    }

    @Override
    public String memberAttribute() {
        return "member";
    }

    @Override
    public void close() {
        connector.close();
        try {
            List<SearchResultEntry> all = new ArrayList<>(backdoor.search(ou, SearchScope.SUB, "(objectClass=*)", "1.1")
                    .getSearchEntries());
            all.sort(Comparator.comparingInt((SearchResultEntry e) -> {
                        try {
                            return e.getParsedDN().getRDNs().length;
                        } catch (LDAPException x) {
                            return 0;
                        }
                    })
                    .reversed());
            for (SearchResultEntry e : all) {
                backdoor.delete(e.getDN());
            }
        } catch (LDAPException e) {
            // best effort: a leftover OU is unique and harms no other run
        } finally {
            backdoor.close();
        }
    }
}
