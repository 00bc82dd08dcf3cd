package dev.joinery.connector.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.Secret;
import dev.joinery.emulator.graph.EmulatedTenant;
import dev.joinery.emulator.graph.EmulatorCertificates;
import dev.joinery.emulator.graph.GraphEmulator;
import dev.joinery.testkit.FakeClock;
import dev.joinery.testkit.RecordingSink;
import dev.joinery.testkit.TestConnectorContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * msal4j's confidential client against the emulator over HTTPS, with the emulator's certificate in the
 * connector's trust store and verification on. graph-directory-notes §9: "Workable emulator contracts: HTTPS plus
 * either AAD-style {@code /{tenant}/oauth2/v2.0/token} used with {@code .instanceDiscovery(false)} ...".
 */
class GraphConnectorMsalTest {
    @TempDir
    static Path dir;

    static EmulatorCertificates.Server tls;
    static EmulatorCertificates.Client registered;
    static EmulatorCertificates.Client unregistered;
    static GraphEmulator emulator;
    static EmulatedTenant tenant;

    @BeforeAll
    static void start() {
        tls = EmulatorCertificates.server(dir);
        registered = EmulatorCertificates.client(dir, "joinery-cert");
        unregistered = EmulatorCertificates.client(dir, "someone-else");
        emulator = GraphEmulator.builder().https(tls.keyStore(), tls.password()).start();
        tenant = emulator.tenant("contoso")
                .registerApp("joinery", "s3cret!")
                .registerCertificate("joinery-cert", registered.certificate())
                .addVerifiedDomain(EmulatorFixture.DOMAIN);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static GraphConnectorConfig.Builder msal(GraphEmulator emulator) {
        return EmulatorFixture.config(emulator)
                .tokenClient(GraphConnectorConfig.TokenClient.MSAL)
                .trustStore(tls.trustStore(), SecretReference.value(tls.password()));
    }

    /** notes §8: "either {@code client_secret} (URL-encoded, or HTTP Basic) or ... {@code client_assertion}". */
    @Test
    void signsInWithAClientSecretThroughMsal() {
        GraphConnector connector = new GraphConnector(msal(emulator).build());

        connector.open(TestConnectorContext.of(Clock.systemUTC()));
        connector.fullImport(new RecordingSink());

        assertThat(emulator.baseUrl()).startsWith("https://");
    }

    /**
     * notes §8 "Certificate assertion": "Claims: {@code aud} = ... token URL, {@code iss} = {@code sub} = client
     * id"; the emulator checks the signature against the certificate registered for the app.
     */
    @Test
    void signsInWithAClientCertificateWhoseAssertionTheEmulatorVerifies() {
        GraphConnector connector = new GraphConnector(certificate("joinery-cert", registered));
        int before = tenant.tokensIssued();

        connector.open(TestConnectorContext.of(Clock.systemUTC()));

        assertThat(tenant.tokensIssued()).isEqualTo(before + 1);
    }

    /** From {@code joinery.yaml}'s options: the PKCS#12 file by path, its password and the trust store's by reference. */
    @Test
    void theGraphKindSignsInWithACertificateFileAndATrustStore() throws Exception {
        Path password = java.nio.file.Files.writeString(dir.resolve("cert.pass"), registered.password());
        Path trustPassword = java.nio.file.Files.writeString(dir.resolve("trust.pass"), tls.password());
        ConnectorConfig config = ConnectorConfig.builder(GraphConnectorFactory.OPTIONS)
                .set(GraphConnectorFactory.TENANT, "contoso")
                .set(GraphConnectorFactory.AUTHORITY, URI.create(emulator.baseUrl()))
                .set(GraphConnectorFactory.GRAPH_ENDPOINT, URI.create(emulator.graphUrl()))
                .set(GraphConnectorFactory.CLIENT_ID, "joinery-cert")
                .set(GraphConnectorFactory.CERTIFICATE_FILE, registered.keyStore())
                .set(GraphConnectorFactory.CERTIFICATE_PASSWORD, fileSecret(password, "certificatePassword"))
                .set(GraphConnectorFactory.TRUST_STORE_FILE, tls.trustStore())
                .set(GraphConnectorFactory.TRUST_STORE_PASSWORD, fileSecret(trustPassword, "trustStorePassword"))
                .build();
        var connector = new GraphConnectorFactory().create("entra", config);
        int before = tenant.tokensIssued();

        connector.open(TestConnectorContext.of(Clock.systemUTC()));

        assertThat(tenant.tokensIssued()).isEqualTo(before + 1);
        assertThat(config.toString()).doesNotContain(registered.password()).doesNotContain(tls.password());
    }

    private static Secret fileSecret(Path file, String option) {
        return Secret.of(dev.joinery.connector.spi.config.SecretReference.file(file.toString()), option, ref -> {
            try {
                return java.nio.file.Files.readString(Path.of(ref.target())).strip();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void anAssertionSignedByAnUnregisteredCertificateIsRefused() {
        GraphConnector connector = new GraphConnector(certificate("joinery-cert", unregistered));

        assertRefusedAtOpen(connector, "invalid_client");
    }

    @Test
    void anEmulatorCertificateOutsideTheTrustStoreIsRefusedNamingTheHandshake() {
        GraphConnector connector = new GraphConnector(EmulatorFixture.config(emulator)
                .tokenClient(GraphConnectorConfig.TokenClient.MSAL)
                .build());

        assertRefusedAtOpen(connector, "TLS handshake");
    }

    @Test
    void aTokenIsFetchedOnceForManyCalls() {
        GraphConnector connector = new GraphConnector(msal(emulator).build());
        int before = tenant.tokensIssued();

        connector.open(TestConnectorContext.of(Clock.systemUTC()));
        for (int i = 0; i < 3; i++) {
            connector.fullImport(new RecordingSink());
        }

        assertThat(tenant.tokensIssued()).isEqualTo(before + 1);
    }

    /**
     * An expired token is replaced: once by the connector's own expiry check, and once when the emulator refuses a
     * token the connector still thinks valid (its clock ahead of the connector's), with msal4j's cache skipped.
     */
    @Test
    void anExpiredTokenIsRefreshed() {
        FakeClock emulatorClock = FakeClock.at(Instant.now());
        FakeClock connectorClock = FakeClock.at(Instant.now());
        try (GraphEmulator shortLived = GraphEmulator.builder()
                .https(tls.keyStore(), tls.password())
                .clock(emulatorClock)
                .start()) {
            EmulatedTenant t = shortLived.tenant("contoso").registerApp("joinery", "s3cret!");
            GraphConnector connector = new GraphConnector(msal(shortLived).build());
            connector.open(TestConnectorContext.of(connectorClock));
            assertThat(t.tokensIssued()).isEqualTo(1);

            emulatorClock.advance(Duration.ofHours(2));
            connectorClock.advance(Duration.ofHours(2));
            connector.fullImport(new RecordingSink());
            assertThat(t.tokensIssued()).isEqualTo(2);

            emulatorClock.advance(Duration.ofHours(2));
            connector.fullImport(new RecordingSink());
            assertThat(t.tokensIssued()).isEqualTo(3);
        }
    }

    private static void assertRefusedAtOpen(GraphConnector connector, String why) {
        assertThatThrownBy(() -> connector.open(TestConnectorContext.of(Clock.systemUTC())))
                .isInstanceOfSatisfying(
                        ConnectorException.class,
                        e -> assertThat(e.error().code()).isEqualTo(ConnectorError.Code.CONFIGURATION))
                .hasMessageContaining(why);
    }

    private static GraphConnectorConfig certificate(String clientId, EmulatorCertificates.Client cert) {
        return GraphConnectorConfig.builder()
                .tenant("contoso")
                .authority(URI.create(emulator.baseUrl()))
                .graphEndpoint(URI.create(emulator.graphUrl()))
                .clientId(clientId)
                .certificate(SecretReference.file(cert.keyStore()), SecretReference.value(cert.password()))
                .trustStore(tls.trustStore(), SecretReference.value(tls.password()))
                .build();
    }
}
