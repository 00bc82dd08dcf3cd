package dev.joinery.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The client-credentials grant as a plain form POST (graph-directory-notes §8 "Token request"), with a client
 * secret. Used only when configured ({@link GraphConnectorConfig.TokenClient#HTTP_FORM}), for an emulator on
 * plain http, which msal4j refuses (notes §9).
 */
final class FormTokenSource implements TokenSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GraphConnectorConfig config;
    private final HttpClient http;
    private final Clock clock;

    FormTokenSource(GraphConnectorConfig config, HttpClient http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Token fetch() {
        String form = "grant_type=client_credentials&client_id=" + enc(config.clientId()) + "&client_secret="
                + enc(config.clientSecret().resolve()) + "&scope=" + enc(String.join(" ", config.scopes()));
        HttpRequest req = HttpRequest.newBuilder(config.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(res.body());
            if (res.statusCode() != 200) {
                throw new ConnectorException(ConnectorError.of(
                        ConnectorError.Code.CONFIGURATION,
                        "token request for client " + config.clientId() + " refused: "
                                + body.path("error").asText() + " "
                                + body.path("error_description").asText()));
            }
            return new Token(
                    body.get("access_token").asText(),
                    clock.instant().plusSeconds(body.path("expires_in").asLong(0)));
        } catch (IOException e) {
            if (GraphTls.isHandshakeFailure(e)) {
                throw new ConnectorException(
                        GraphTls.handshakeError(config.tokenEndpoint().toString(), e), e);
            }
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.NETWORK, "token endpoint unreachable: " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NETWORK, "interrupted"), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
