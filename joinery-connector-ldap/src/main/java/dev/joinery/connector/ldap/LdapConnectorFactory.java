package dev.joinery.connector.ldap;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code ldap} connector kind: one option per {@link LdapConnectorConfig} component, secrets by reference and
 * revealed only when the connector binds. Stateless and thread-safe.
 */
public final class LdapConnectorFactory implements ConnectorFactory {
    static final Option<List<String>> HOSTS = Option.stringList("hosts")
            .withDescription("Directory servers tried in order (failover): host or host:port.")
            .required();
    static final Option<Integer> PORT = Option.integer("port")
            .withDescription("Port of hosts that name none; 0 = 636 for ldaps, 389 otherwise.")
            .withDefault(0)
            .withRange(0, 65535);
    static final Option<String> SECURITY = Option.oneOf("security", "ldaps", "starttls", "none")
            .withDescription("Transport protection; none only for servers on loopback (no passwords can be set).")
            .withDefault("ldaps");
    static final Option<Path> TRUSTED_CERTIFICATE_FILE = Option.path("tls.trustedCertificateFile")
            .withDescription("PEM file of certificates to trust (a CA or the server's own).");
    static final Option<Path> TRUST_STORE_FILE =
            Option.path("tls.trustStore").withDescription("A JKS or PKCS#12 trust store.");
    static final Option<dev.joinery.connector.spi.config.Secret> TRUST_STORE_PASSWORD =
            Option.secret("tls.trustStorePassword").withDescription("Password of tls.trustStore.");
    static final Option<Boolean> VERIFY_HOSTNAME = Option.bool("tls.verifyHostname")
            .withDescription("Check that the server certificate names the host connected to.")
            .withDefault(true);
    static final Option<String> BIND_DN =
            Option.string("bind.dn").withDescription("The account's DN; empty for an anonymous bind.");
    static final Option<dev.joinery.connector.spi.config.Secret> BIND_PASSWORD =
            Option.secret("bind.password").withDescription("Password of bind.dn.");
    static final Option<List<String>> PARTITIONS = Option.stringList("partitions")
            .withDescription("Naming contexts to read; empty = the server's default naming context.");
    static final Option<List<String>> INCLUDE = Option.stringList("containers.include")
            .withDescription("Containers in scope; empty = every partition whole.");
    static final Option<List<String>> EXCLUDE = Option.stringList("containers.exclude")
            .withDescription("Containers (with their subtrees) out of scope inside included ones.");
    static final Option<List<String>> OBJECT_TYPES = Option.stringList("objectTypes")
            .withDescription("Object types in scope, in recognition order: user, inetOrgPerson, group, contact,"
                    + " computer (each its own object class; user leaves computers out).")
            .withDefault(List.of("user", "group", "contact"))
            .withValidator(list -> list.stream()
                    .filter(t -> objectType(t) == null)
                    .findFirst()
                    .map(t -> "expected user, inetOrgPerson, group, contact or computer, found \"" + t + "\"")
                    .orElse(null));
    static final Option<List<String>> ATTRIBUTES =
            Option.stringList("attributes").withDescription("Attributes in scope; empty = every user attribute.");
    static final Option<String> ANCHOR = Option.oneOf("anchor", "objectGUID", "entryUUID")
            .withDescription("The attribute an object's anchor is read from.")
            .withDefault("objectGUID");
    static final Option<String> DELTA = Option.oneOf(
                    "delta.strategy", "ad-dirsync", "usn-changed", "content-sync", "modify-timestamp", "none")
            .withDescription("How a delta import learns what changed: ad-dirsync (DirSync cookie), usn-changed (AD"
                    + " without DirSync rights), content-sync (RFC 4533, OpenLDAP syncprov; entryCSN where not offered),"
                    + " modify-timestamp (an ordered attribute), none.")
            .withDefault("ad-dirsync");
    static final Option<String> CHANGE_ATTRIBUTE = Option.string("delta.changeAttribute")
            .withDescription("For modify-timestamp: the ordered change attribute (modifyTimestamp, or entryCSN).")
            .withDefault("modifyTimestamp");
    static final Option<Integer> PAGE_SIZE = Option.integer("pageSize")
            .withDescription("Entries per page of a simple paged search.")
            .withDefault(500)
            .withRange(1, 100_000);
    static final Option<Duration> CONNECT_TIMEOUT = Option.duration("timeouts.connect")
            .withDescription("Time to establish a connection.")
            .withDefault(Duration.ofSeconds(10));
    static final Option<Duration> RESPONSE_TIMEOUT = Option.duration("timeouts.response")
            .withDescription("Time to wait for one response.")
            .withDefault(Duration.ofSeconds(120));
    static final Option<Integer> POOL_SIZE = Option.integer("poolSize")
            .withDescription("Connections kept open.")
            .withDefault(4)
            .withRange(1, 64);
    static final Option<Integer> RETRY_ATTEMPTS = Option.integer("retry.attempts")
            .withDescription("Attempts of a read that fails with a retriable error (1 = no retry).")
            .withDefault(3)
            .withRange(1, 20);
    static final Option<Duration> RETRY_BACKOFF = Option.duration("retry.backoff")
            .withDescription("Wait before the second attempt, doubled for each next one.")
            .withDefault(Duration.ofMillis(500));

    static final OptionSet OPTIONS = OptionSet.of(
            "ldap",
            HOSTS,
            PORT,
            SECURITY,
            TRUSTED_CERTIFICATE_FILE,
            TRUST_STORE_FILE,
            TRUST_STORE_PASSWORD,
            VERIFY_HOSTNAME,
            BIND_DN,
            BIND_PASSWORD,
            PARTITIONS,
            INCLUDE,
            EXCLUDE,
            OBJECT_TYPES,
            ATTRIBUTES,
            ANCHOR,
            DELTA,
            CHANGE_ATTRIBUTE,
            PAGE_SIZE,
            CONNECT_TIMEOUT,
            RESPONSE_TIMEOUT,
            POOL_SIZE,
            RETRY_ATTEMPTS,
            RETRY_BACKOFF);

    @Override
    public String kind() {
        return "ldap";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Connector create(String name, ConnectorConfig config) {
        return new LdapConnector(toConfig(config));
    }

    /** The connector configuration for validated option values; secrets stay references until the bind. */
    public static LdapConnectorConfig toConfig(ConnectorConfig config) {
        LdapConnectorConfig.Builder b = LdapConnectorConfig.builder();
        config.get(HOSTS).forEach(b::host);
        if (config.get(PORT) > 0) {
            b.port(config.get(PORT));
        }
        b.security(
                switch (config.get(SECURITY)) {
                    case "starttls" -> LdapConnectorConfig.Security.START_TLS;
                    case "none" -> LdapConnectorConfig.Security.NONE;
                    default -> LdapConnectorConfig.Security.LDAPS;
                });
        config.find(TRUSTED_CERTIFICATE_FILE).ifPresent(b::trustedCertificateFile);
        config.find(TRUST_STORE_FILE)
                .ifPresent(f -> b.trustStore(
                        f,
                        config.find(TRUST_STORE_PASSWORD)
                                .map(LdapConnectorFactory::secret)
                                .orElse(null)));
        b.verifyHostname(config.get(VERIFY_HOSTNAME));
        config.find(BIND_DN)
                .ifPresent(dn -> b.bind(
                        dn,
                        config.find(BIND_PASSWORD)
                                .map(LdapConnectorFactory::secret)
                                .orElse(null)));
        config.find(PARTITIONS).ifPresent(l -> l.forEach(b::partition));
        config.find(INCLUDE).ifPresent(l -> l.forEach(b::includeContainer));
        config.find(EXCLUDE).ifPresent(l -> l.forEach(b::excludeContainer));
        b.clearObjectTypes();
        config.get(OBJECT_TYPES).forEach(t -> b.objectType(objectType(t)));
        config.find(ATTRIBUTES).ifPresent(l -> b.attribute(l.toArray(String[]::new)));
        b.anchor(
                config.get(ANCHOR).equals("entryUUID")
                        ? LdapConnectorConfig.AnchorKind.ENTRY_UUID
                        : LdapConnectorConfig.AnchorKind.OBJECT_GUID);
        b.deltaStrategy(LdapConnectorConfig.DeltaStrategy.valueOf(
                config.get(DELTA).toUpperCase(Locale.ROOT).replace('-', '_')));
        b.changeAttribute(config.get(CHANGE_ATTRIBUTE));
        b.pageSize(config.get(PAGE_SIZE));
        b.connectTimeout(config.get(CONNECT_TIMEOUT));
        b.responseTimeout(config.get(RESPONSE_TIMEOUT));
        b.poolSize(config.get(POOL_SIZE));
        b.retry(config.get(RETRY_ATTEMPTS), config.get(RETRY_BACKOFF));
        return b.build();
    }

    private static Secret secret(dev.joinery.connector.spi.config.Secret secret) {
        return Secret.deferred(secret.toString(), () -> secret.reveal().toCharArray());
    }

    /** The preset of an object type name, or null when unknown. */
    static LdapConnectorConfig.ObjectTypeConfig objectType(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "user" ->
                LdapConnectorConfig.ObjectTypeConfig.of("user", "user", "top", "person", "organizationalPerson", "user")
                        .withExtraFilter("(!(objectClass=computer))");
            case "inetorgperson" ->
                LdapConnectorConfig.ObjectTypeConfig.of(
                        "inetOrgPerson", "inetOrgPerson", "top", "person", "organizationalPerson", "inetOrgPerson");
            case "group" -> LdapConnectorConfig.ObjectTypeConfig.of("group", "group", "top", "group");
            case "contact" ->
                LdapConnectorConfig.ObjectTypeConfig.of(
                        "contact", "contact", "top", "person", "organizationalPerson", "contact");
            case "computer" ->
                LdapConnectorConfig.ObjectTypeConfig.of(
                        "computer", "computer", "top", "person", "organizationalPerson", "user", "computer");
            default -> null;
        };
    }
}
