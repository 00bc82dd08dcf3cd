package dev.joinery.connector.ldap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the LDAP connector is configured with. Immutable; build one with {@link #builder()}, which fails
 * fast naming the conflicting option. Certificate verification is always on for LDAPS and StartTLS: trust comes
 * from {@link #trustedCertificateFile()} (PEM), {@link #trustStoreFile()}, or else the JVM's default trust
 * store; there is no trust-all switch.
 *
 * @param hosts servers tried in order (failover); {@code host} or {@code host:port}
 * @param port the port of hosts that name none
 * @param security transport protection
 * @param trustedCertificateFile PEM file of certificates to trust (a CA or the server's own); nullable
 * @param trustStoreFile a JKS or PKCS#12 trust store; nullable
 * @param trustStorePassword the trust store's password; nullable
 * @param verifyHostname check the server certificate names the host connected to
 * @param bindDn the account's DN; empty for an anonymous bind
 * @param bindPassword the account's password; nullable for an anonymous bind
 * @param partitions naming contexts to read; empty means the server's default naming context
 * @param includedContainers containers in scope; empty means every partition whole
 * @param excludedContainers containers (and their subtrees) out of scope, inside included ones
 * @param objectTypes the object types in scope, in recognition order
 * @param attributes the attributes in scope; empty means every user attribute
 * @param anchor how an object's anchor is read
 * @param deltaStrategy how a delta import reads changes
 * @param changeAttribute for {@link DeltaStrategy#MODIFY_TIMESTAMP}: the ordered change attribute
 *     ({@code modifyTimestamp}, or {@code entryCSN} on OpenLDAP)
 * @param pageSize entries per page of a simple paged search
 * @param connectTimeout time to establish a connection
 * @param responseTimeout time to wait for one response
 * @param poolSize connections kept open
 * @param maxAttempts attempts of a read that fails with a retriable error (1 = no retry)
 * @param initialBackoff wait before the second attempt, doubled for each next one
 */
public record LdapConnectorConfig(
        List<String> hosts,
        int port,
        Security security,
        Path trustedCertificateFile,
        Path trustStoreFile,
        Secret trustStorePassword,
        boolean verifyHostname,
        String bindDn,
        Secret bindPassword,
        List<String> partitions,
        List<String> includedContainers,
        List<String> excludedContainers,
        List<ObjectTypeConfig> objectTypes,
        List<String> attributes,
        AnchorKind anchor,
        DeltaStrategy deltaStrategy,
        String changeAttribute,
        int pageSize,
        Duration connectTimeout,
        Duration responseTimeout,
        int poolSize,
        int maxAttempts,
        Duration initialBackoff) {

    /** How the connection is protected. */
    public enum Security {
        /** TLS from the first byte (port 636). */
        LDAPS,
        /** Plain connect, then the StartTLS extended operation before the bind. */
        START_TLS,
        /** No protection: only for servers on loopback in tests; passwords cannot be set. */
        NONE
    }

    /** Where the anchor comes from. The DN is never the anchor. */
    public enum AnchorKind {
        /** Active Directory's objectGUID, rendered as the canonical GUID text of its .NET byte order. */
        OBJECT_GUID("objectGUID"),
        /** RFC 4530 entryUUID. */
        ENTRY_UUID("entryUUID");

        private final String attribute;

        AnchorKind(String attribute) {
            this.attribute = attribute;
        }

        public String attribute() {
            return attribute;
        }
    }

    /** How a delta import learns what changed. */
    public enum DeltaStrategy {
        /** Active Directory DirSync control with its cookie; deletes through isDeleted. */
        AD_DIRSYNC,
        /** Active Directory uSNChanged above the last highestCommittedUSN; deletes by anchor comparison. */
        USN_CHANGED,
        /**
         * RFC 4533 content synchronization (OpenLDAP syncprov), refresh only, with its cookie; where the server
         * does not offer it, entryCSN as {@link #MODIFY_TIMESTAMP} reads it.
         */
        CONTENT_SYNC,
        /** An ordered change attribute (modifyTimestamp, entryCSN); deletes by anchor comparison. */
        MODIFY_TIMESTAMP,
        /** No delta import: full imports only. */
        NONE
    }

    /**
     * One object type in scope.
     *
     * @param name the type's name as the engine sees it ({@code user}, {@code group})
     * @param objectClass the object class that recognizes it in an entry's objectClass values
     * @param createObjectClasses the objectClass values of a new object of this type
     * @param extraFilter an RFC 4515 filter AND-ed to the type's search, e.g. {@code (!(objectClass=computer))};
     *     nullable
     * @param container where a new object of this type is created when the export names a bare RDN; nullable
     */
    public record ObjectTypeConfig(
            String name, String objectClass, List<String> createObjectClasses, String extraFilter, String container) {
        public ObjectTypeConfig {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(objectClass, "objectClass");
            createObjectClasses = List.copyOf(createObjectClasses);
            if (createObjectClasses.isEmpty()) {
                throw new IllegalArgumentException("object type " + name + " needs the object classes to create");
            }
        }

        public static ObjectTypeConfig of(String name, String objectClass, String... createObjectClasses) {
            return new ObjectTypeConfig(name, objectClass, List.of(createObjectClasses), null, null);
        }

        public ObjectTypeConfig withExtraFilter(String filter) {
            return new ObjectTypeConfig(name, objectClass, createObjectClasses, filter, container);
        }
    }

    public LdapConnectorConfig {
        hosts = List.copyOf(hosts);
        partitions = List.copyOf(partitions);
        includedContainers = List.copyOf(includedContainers);
        excludedContainers = List.copyOf(excludedContainers);
        objectTypes = List.copyOf(objectTypes);
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(deltaStrategy, "deltaStrategy");
        Objects.requireNonNull(changeAttribute, "changeAttribute");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
    }

    /** Active Directory defaults: LDAPS, objectGUID, DirSync, users and groups. */
    public static Builder activeDirectory() {
        return builder()
                .security(Security.LDAPS)
                .anchor(AnchorKind.OBJECT_GUID)
                .deltaStrategy(DeltaStrategy.AD_DIRSYNC)
                .objectType(ObjectTypeConfig.of("user", "user", "top", "person", "organizationalPerson", "user")
                        .withExtraFilter("(!(objectClass=computer))"))
                .objectType(ObjectTypeConfig.of("group", "group", "top", "group"))
                .objectType(
                        ObjectTypeConfig.of("contact", "contact", "top", "person", "organizationalPerson", "contact"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port to use for a host that names none. */
    public int effectivePort() {
        if (port > 0) {
            return port;
        }
        return security == Security.LDAPS ? 636 : 389;
    }

    /** The type configured under {@code name}, ignoring case; null when none. */
    public ObjectTypeConfig objectType(String name) {
        for (ObjectTypeConfig t : objectTypes) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        // Records show every component; this one leaves the secrets as references.
        return "LdapConnectorConfig[hosts=" + hosts + ", port=" + effectivePort() + ", security=" + security
                + ", bindDn=" + bindDn + ", bindPassword=" + bindPassword + ", partitions=" + partitions
                + ", includedContainers=" + includedContainers + ", excludedContainers=" + excludedContainers
                + ", objectTypes="
                + objectTypes.stream().map(ObjectTypeConfig::name).toList() + ", anchor="
                + anchor + ", deltaStrategy=" + deltaStrategy + ", pageSize=" + pageSize + "]";
    }

    /** Builds a {@link LdapConnectorConfig}; not thread-safe. */
    public static final class Builder {
        private final List<String> hosts = new ArrayList<>();
        private int port;
        private Security security = Security.LDAPS;
        private Path trustedCertificateFile;
        private Path trustStoreFile;
        private Secret trustStorePassword;
        private boolean verifyHostname = true;
        private String bindDn = "";
        private Secret bindPassword;
        private final List<String> partitions = new ArrayList<>();
        private final List<String> includedContainers = new ArrayList<>();
        private final List<String> excludedContainers = new ArrayList<>();
        private final List<ObjectTypeConfig> objectTypes = new ArrayList<>();
        private final List<String> attributes = new ArrayList<>();
        private AnchorKind anchor = AnchorKind.ENTRY_UUID;
        private DeltaStrategy deltaStrategy = DeltaStrategy.MODIFY_TIMESTAMP;
        private String changeAttribute = "modifyTimestamp";
        private int pageSize = 500;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(120);
        private int poolSize = 4;
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);

        private Builder() {}

        public Builder host(String host) {
            hosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        public Builder port(int value) {
            if (value <= 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, not " + value);
            }
            port = value;
            return this;
        }

        public Builder security(Security value) {
            security = Objects.requireNonNull(value);
            return this;
        }

        public Builder trustedCertificateFile(Path value) {
            if (trustStoreFile != null) {
                throw new IllegalStateException("a trust store file was already set to " + trustStoreFile);
            }
            trustedCertificateFile = Objects.requireNonNull(value);
            return this;
        }

        public Builder trustStore(Path file, Secret password) {
            if (trustedCertificateFile != null) {
                throw new IllegalStateException(
                        "a trusted certificate file was already set to " + trustedCertificateFile);
            }
            trustStoreFile = Objects.requireNonNull(file);
            trustStorePassword = password;
            return this;
        }

        public Builder verifyHostname(boolean value) {
            verifyHostname = value;
            return this;
        }

        public Builder bind(String dn, Secret password) {
            bindDn = Objects.requireNonNull(dn, "dn");
            bindPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        public Builder partition(String dn) {
            partitions.add(Objects.requireNonNull(dn));
            return this;
        }

        public Builder includeContainer(String dn) {
            includedContainers.add(Objects.requireNonNull(dn));
            return this;
        }

        public Builder excludeContainer(String dn) {
            excludedContainers.add(Objects.requireNonNull(dn));
            return this;
        }

        public Builder objectType(ObjectTypeConfig type) {
            for (ObjectTypeConfig t : objectTypes) {
                if (t.name().equalsIgnoreCase(type.name())) {
                    throw new IllegalStateException("object type " + type.name() + " was already configured");
                }
            }
            objectTypes.add(type);
            return this;
        }

        /** Forgets the object types configured so far (for example a preset's). */
        public Builder clearObjectTypes() {
            objectTypes.clear();
            return this;
        }

        public Builder attribute(String... names) {
            attributes.addAll(List.of(names));
            return this;
        }

        public Builder anchor(AnchorKind value) {
            anchor = Objects.requireNonNull(value);
            return this;
        }

        public Builder deltaStrategy(DeltaStrategy value) {
            deltaStrategy = Objects.requireNonNull(value);
            return this;
        }

        public Builder changeAttribute(String value) {
            changeAttribute = Objects.requireNonNull(value);
            return this;
        }

        public Builder pageSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("page size must be positive, not " + value);
            }
            pageSize = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = positive("connect timeout", value);
            return this;
        }

        public Builder responseTimeout(Duration value) {
            responseTimeout = positive("response timeout", value);
            return this;
        }

        public Builder poolSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("pool size must be positive, not " + value);
            }
            poolSize = value;
            return this;
        }

        public Builder retry(int attempts, Duration backoff) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
            }
            maxAttempts = attempts;
            initialBackoff = Objects.requireNonNull(backoff);
            return this;
        }

        /** @throws IllegalStateException naming what is missing or conflicting */
        public LdapConnectorConfig build() {
            if (hosts.isEmpty()) {
                throw new IllegalStateException("at least one host is needed");
            }
            if (objectTypes.isEmpty()) {
                throw new IllegalStateException("at least one object type is needed");
            }
            if (deltaStrategy == DeltaStrategy.AD_DIRSYNC && anchor != AnchorKind.OBJECT_GUID
                    || deltaStrategy == DeltaStrategy.USN_CHANGED && anchor != AnchorKind.OBJECT_GUID) {
                throw new IllegalStateException("the " + deltaStrategy + " delta strategy needs the objectGUID anchor");
            }
            if (deltaStrategy == DeltaStrategy.CONTENT_SYNC && anchor != AnchorKind.ENTRY_UUID) {
                throw new IllegalStateException("the CONTENT_SYNC delta strategy needs the entryUUID anchor");
            }
            return new LdapConnectorConfig(
                    hosts,
                    port,
                    security,
                    trustedCertificateFile,
                    trustStoreFile,
                    trustStorePassword,
                    verifyHostname,
                    bindDn,
                    bindPassword,
                    partitions,
                    includedContainers,
                    excludedContainers,
                    objectTypes,
                    attributes,
                    anchor,
                    deltaStrategy,
                    changeAttribute,
                    pageSize,
                    connectTimeout,
                    responseTimeout,
                    poolSize,
                    maxAttempts,
                    initialBackoff);
        }

        private static Duration positive(String what, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, not " + value);
            }
            return value;
        }
    }
}
