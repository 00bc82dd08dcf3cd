package dev.joinery.connector.graph;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The Entra ID connector's settings. Immutable; build with {@link #builder()}. Secrets are references.
 *
 * @param tenant the tenant id or verified domain (the token endpoint's path segment)
 * @param authority the identity platform's base, {@code https://login.microsoftonline.com} by default
 * @param graphEndpoint the Graph service root, {@code https://graph.microsoft.com/v1.0} by default
 * @param clientId the application (client) id
 * @param clientSecret the client secret; null when a certificate is used
 * @param certificate a PKCS#12 file holding the key and certificate; null when a secret is used
 * @param certificatePassword the PKCS#12 password; null when none
 * @param scopes the scopes asked for, {@code https://graph.microsoft.com/.default} by default
 * @param tokenClient how tokens are fetched (msal4j by default)
 * @param pageSize {@code $top} for list calls, 1–999 (graph-directory-notes §2.3)
 * @param batchSize requests per {@code $batch}, 1–20 (notes §4)
 * @param writesPerWindow the client-side write pace: at most this many writes per {@code writeWindow}
 * @param writeWindow the window of {@code writesPerWindow}; defaults follow notes §7 (3,000 per 150 s)
 * @param trustStoreFile a PKCS#12 trust store for the authority's and Graph's TLS certificates; null for the
 *     JVM's default trust store. Certificates are always verified: there is no trust-all switch
 * @param trustStorePassword the trust store's password; null when it has none
 */
public record GraphConnectorConfig(
        String tenant,
        URI authority,
        URI graphEndpoint,
        String clientId,
        SecretReference clientSecret,
        SecretReference certificate,
        SecretReference certificatePassword,
        List<String> scopes,
        TokenClient tokenClient,
        int pageSize,
        int batchSize,
        int writesPerWindow,
        Duration writeWindow,
        Path trustStoreFile,
        SecretReference trustStorePassword) {

    /** How the connector gets its OAuth tokens. */
    public enum TokenClient {
        /** msal4j's confidential client (secret or certificate); needs an https authority. */
        MSAL,
        /**
         * A plain form POST of the client-credentials grant with a secret, for an emulator reached over plain
         * http, which msal4j refuses (notes §9). Use only against an emulator.
         */
        HTTP_FORM
    }

    public GraphConnectorConfig {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(graphEndpoint, "graphEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tokenClient, "tokenClient");
        Objects.requireNonNull(writeWindow, "writeWindow");
        scopes = List.copyOf(scopes);
        if ((clientSecret == null) == (certificate == null)) {
            throw new IllegalArgumentException(
                    "give either a client secret or a certificate, not " + (clientSecret == null ? "neither" : "both"));
        }
        if (tokenClient == TokenClient.HTTP_FORM && clientSecret == null) {
            throw new IllegalArgumentException("the HTTP_FORM token client supports a client secret only");
        }
        if (pageSize < 1 || pageSize > 999) {
            throw new IllegalArgumentException("pageSize is 1 to 999, not " + pageSize);
        }
        if (batchSize < 1 || batchSize > 20) {
            throw new IllegalArgumentException("batchSize is 1 to 20, not " + batchSize);
        }
        if (writesPerWindow < 1) {
            throw new IllegalArgumentException("writesPerWindow is at least 1, not " + writesPerWindow);
        }
    }

    /** The token endpoint, {@code <authority>/<tenant>/oauth2/v2.0/token}. */
    URI tokenEndpoint() {
        return URI.create(strip(authority.toString()) + "/" + tenant + "/oauth2/v2.0/token");
    }

    String graphRoot() {
        return strip(graphEndpoint.toString());
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GraphConnectorConfig}; tenant, client id and one credential are required. */
    public static final class Builder {
        private String tenant;
        private URI authority = URI.create("https://login.microsoftonline.com");
        private URI graphEndpoint = URI.create("https://graph.microsoft.com/v1.0");
        private String clientId;
        private SecretReference clientSecret;
        private SecretReference certificate;
        private SecretReference certificatePassword;
        private List<String> scopes = List.of("https://graph.microsoft.com/.default");
        private TokenClient tokenClient = TokenClient.MSAL;
        private int pageSize = 999;
        private int batchSize = 20;
        private int writesPerWindow = 3_000;
        private Duration writeWindow = Duration.ofSeconds(150);
        private Path trustStoreFile;
        private SecretReference trustStorePassword;

        private Builder() {}

        public Builder tenant(String v) {
            tenant = v;
            return this;
        }

        public Builder authority(URI v) {
            authority = v;
            return this;
        }

        public Builder graphEndpoint(URI v) {
            graphEndpoint = v;
            return this;
        }

        public Builder clientId(String v) {
            clientId = v;
            return this;
        }

        public Builder clientSecret(SecretReference v) {
            clientSecret = v;
            return this;
        }

        public Builder certificate(SecretReference pkcs12, SecretReference password) {
            certificate = pkcs12;
            certificatePassword = password;
            return this;
        }

        public Builder scopes(List<String> v) {
            scopes = v;
            return this;
        }

        public Builder tokenClient(TokenClient v) {
            tokenClient = v;
            return this;
        }

        public Builder pageSize(int v) {
            pageSize = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** At most {@code writes} write requests per {@code window}, paced on the client. */
        public Builder writeRate(int writes, Duration window) {
            writesPerWindow = writes;
            writeWindow = window;
            return this;
        }

        /** Trusts the certificates of a PKCS#12 trust store instead of the JVM's default ones. */
        public Builder trustStore(Path file, SecretReference password) {
            trustStoreFile = file;
            trustStorePassword = password;
            return this;
        }

        public GraphConnectorConfig build() {
            return new GraphConnectorConfig(
                    tenant,
                    authority,
                    graphEndpoint,
                    clientId,
                    clientSecret,
                    certificate,
                    certificatePassword,
                    scopes,
                    tokenClient,
                    pageSize,
                    batchSize,
                    writesPerWindow,
                    writeWindow,
                    trustStoreFile,
                    trustStorePassword);
        }
    }
}
