package dev.joinery.connector.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): posts the client id and secret to the token endpoint and keeps
 * the access token until a minute before it expires. The secret is revealed at each fetch and not kept.
 */
final class ClientCredentialsTokenSource implements TokenSource {
    private static final Duration EARLY = Duration.ofMinutes(1);
    private final HttpClient http;
    private final URI tokenUrl;
    private final String clientId;
    private final java.util.function.Supplier<String> clientSecret;
    private final String scope;
    private final Clock clock;
    private final Duration timeout;
    private String token;
    private Instant expires = Instant.MIN;

    ClientCredentialsTokenSource(
            HttpClient http,
            URI tokenUrl,
            String clientId,
            java.util.function.Supplier<String> clientSecret,
            String scope,
            Clock clock,
            Duration timeout) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public String token() {
        if (token == null || !clock.instant().isBefore(expires)) {
            fetch();
        }
        return token;
    }

    @Override
    public void invalidate() {
        token = null;
    }

    @Override
    public boolean refreshable() {
        return true;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret="
                + enc(clientSecret.get()) + (scope == null ? "" : "&scope=" + enc(scope));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.NETWORK, "token endpoint " + tokenUrl + ": " + e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NETWORK, "interrupted"), e);
        }
        if (response.statusCode() / 100 != 2) {
            ConnectorError.Code code = response.statusCode() == 400 || response.statusCode() == 401
                    ? ConnectorError.Code.CONFIGURATION
                    : ScimErrors.codeOf(response.statusCode());
            throw new ConnectorException(ConnectorError.of(
                    code, "token endpoint " + tokenUrl + " refused client " + clientId + ": " + response.statusCode()));
        }
        try {
            JsonNode body = ScimClient.JSON.readTree(response.body());
            token = body.path("access_token").asText(null);
            long seconds = body.path("expires_in").asLong(3600);
            expires = clock.instant().plusSeconds(seconds).minus(EARLY);
        } catch (IOException e) {
            token = null;
        }
        if (token == null) {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.CONFIGURATION, "token endpoint " + tokenUrl + " returned no access_token"));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
