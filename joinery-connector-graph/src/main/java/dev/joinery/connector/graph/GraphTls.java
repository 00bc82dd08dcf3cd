package dev.joinery.connector.graph;

import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of the token and Graph calls: the configured trust store, or the JVM's default trust. Hostnames
 * and certificates are always verified (both java.net.http and msal4j's HttpsURLConnection do it by default).
 */
final class GraphTls {
    private GraphTls() {}

    static SSLContext context(GraphConnectorConfig config) {
        if (config.trustStoreFile() == null) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new ConnectorException(
                        ConnectorError.of(ConnectorError.Code.CONFIGURATION, "no default TLS context: " + e), e);
            }
        }
        try (InputStream in = Files.newInputStream(config.trustStoreFile())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(
                    in,
                    config.trustStorePassword() == null
                            ? null
                            : config.trustStorePassword().resolve().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectorException(
                    ConnectorError.of(
                            ConnectorError.Code.CONFIGURATION,
                            "cannot read the trust store " + config.trustStoreFile() + ": " + e.getMessage()),
                    e);
        }
    }

    /** Whether a failure is a TLS handshake refusal (an untrusted or misnamed certificate), searched by cause. */
    static boolean isHandshakeFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    static ConnectorError handshakeError(String where, Throwable e) {
        return ConnectorError.of(
                ConnectorError.Code.CONFIGURATION,
                "the TLS handshake with " + where + " failed (is its certificate in the trust store and does it name"
                        + " the host?): " + e.getMessage());
    }
}
