package dev.joinery.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator over HTTPS with a generated certificate. graph-directory-notes §9: "HTTPS is mandatory:
 * {@code authority("http://…")} and {@code oidcAuthority("http://…")} both throw {@code IllegalArgumentException:
 * authority should use the 'https' scheme}".
 */
class GraphEmulatorHttpsTest {
    @TempDir
    static Path dir;

    static EmulatorCertificates.Server tls;
    static GraphEmulator emulator;

    @BeforeAll
    static void start() {
        tls = EmulatorCertificates.server(dir);
        emulator = GraphEmulator.builder().https(tls.keyStore(), tls.password()).start();
        emulator.tenant("contoso").registerApp("app", "s3cret");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void servesTokensAndGraphOverHttpsToAClientThatTrustsItsCertificate() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(tls)).build();

        HttpResponse<String> token = http.send(tokenRequest(), HttpResponse.BodyHandlers.ofString());
        String accessToken =
                EmulatorClient.JSON.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> users = http.send(
                HttpRequest.newBuilder(URI.create(emulator.graphUrl() + "/users"))
                        .header("Authorization", "Bearer " + accessToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(emulator.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(emulator.tenant("contoso").tokensIssued()).isPositive();
    }

    @Test
    void aClientWithoutTheCertificateInItsTrustStoreFailsTheHandshake() {
        HttpClient http = HttpClient.newHttpClient();

        assertThatThrownBy(() -> http.send(tokenRequest(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theCertificateNamesTheLoopbackAddressAndLocalhost() throws Exception {
        assertThat(tls.certificate().getSubjectAlternativeNames())
                .extracting(san -> (Object) san.get(1))
                .contains((Object) "127.0.0.1", "localhost");
    }

    private static HttpRequest tokenRequest() {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/contoso/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=app"
                        + "&client_secret=s3cret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                .build();
    }

    static SSLContext trusting(EmulatorCertificates.Server tls) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.trustStore())) {
            trust.load(in, tls.password().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
