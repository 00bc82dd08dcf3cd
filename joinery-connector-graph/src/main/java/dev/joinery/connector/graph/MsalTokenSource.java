package dev.joinery.connector.graph;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;

/**
 * Tokens through msal4j's confidential client with a secret or a PKCS#12 certificate (notes §8, §9). The
 * authority is {@code <authority>/<tenant>/} with instance discovery off, so msal4j asks nobody but the
 * configured authority (notes §9: otherwise it calls login.microsoftonline.com about unknown hosts).
 */
final class MsalTokenSource implements TokenSource {
    private final GraphConnectorConfig config;
    private final SSLContext tls;
    private final Clock clock;
    private volatile ConfidentialClientApplication app;

    MsalTokenSource(GraphConnectorConfig config, SSLContext tls, Clock clock) {
        this.config = config;
        this.tls = tls;
        this.clock = clock;
    }

    /** From msal4j's token cache while the cached token has more than five minutes left. */
    @Override
    public Token fetch() {
        return acquire(false);
    }

    @Override
    public Token refresh() {
        return acquire(true);
    }

    private Token acquire(boolean skipCache) {
        try {
            IAuthenticationResult result = app().acquireToken(
                            ClientCredentialParameters.builder(new HashSet<>(config.scopes()))
                                    .skipCache(skipCache)
                                    .build())
                    .get();
            // msal4j counts expiry on the system clock; the connector's clock may be another (a test's)
            Duration left =
                    Duration.between(Instant.now(), result.expiresOnDate().toInstant());
            return new Token(result.accessToken(), clock.instant().plus(left));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MsalServiceException) {
                MsalServiceException m = (MsalServiceException) cause;
                throw new ConnectorException(
                        ConnectorError.of(
                                ConnectorError.Code.CONFIGURATION,
                                "token request for client " + config.clientId() + " refused: " + m.errorCode()),
                        cause);
            }
            if (GraphTls.isHandshakeFailure(cause)) {
                throw new ConnectorException(
                        GraphTls.handshakeError(config.authority().toString(), cause), cause);
            }
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.NETWORK, "token request failed: " + cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NETWORK, "interrupted"), e);
        } catch (MsalException | IllegalArgumentException e) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.CONFIGURATION, "msal4j refused the configuration: " + e), e);
        }
    }

    private ConfidentialClientApplication app() {
        if (app == null) {
            try {
                IClientCredential credential = config.clientSecret() != null
                        ? ClientCredentialFactory.createFromSecret(
                                config.clientSecret().resolve())
                        : ClientCredentialFactory.createFromCertificate(
                                new ByteArrayInputStream(config.certificate().bytes()),
                                config.certificatePassword() == null
                                        ? ""
                                        : config.certificatePassword().resolve());
                String authority = config.authority().toString().replaceAll("/+$", "") + "/" + config.tenant() + "/";
                app = ConfidentialClientApplication.builder(config.clientId(), credential)
                        .authority(authority)
                        .instanceDiscovery(false)
                        .sslSocketFactory(tls.getSocketFactory())
                        .build();
            } catch (java.security.GeneralSecurityException | java.io.IOException e) {
                throw new ConnectorException(
                        ConnectorError.of(ConnectorError.Code.CONFIGURATION, "cannot set up msal4j: " + e), e);
            }
        }
        return app;
    }
}
