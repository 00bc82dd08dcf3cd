package dev.joinery.connector.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * HTTP to one SCIM service: JSON bodies of media type {@code application/scim+json}, the bearer token on every
 * request, one retry after a 401 when the token can be refreshed, and 429/503 waited out through the {@link
 * Sleeper} for as long as {@code Retry-After} says (exponential back-off from 1 s without it), up to the
 * configured number of retries. Logs one line per failed request, never a token. Used from one thread at a time.
 */
final class ScimClient {
    /** UnboundID's mapper: it reads and writes the SDK's messages and resources as RFC 7643 prescribes. */
    static final ObjectMapper JSON = JsonUtils.createObjectMapper();

    private static final Logger LOG = Logger.getLogger(ScimClient.class.getName());
    private static final String MEDIA = "application/scim+json";

    private final HttpClient http;
    private final String baseUrl;
    private final TokenSource tokens;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration timeout;
    private final int retries;
    private final Duration maxRetryWait;

    /** A response with a status outside 2xx that the caller classifies itself. */
    record Response(int status, JsonNode body) {}

    ScimClient(
            HttpClient http,
            URI baseUrl,
            TokenSource tokens,
            Sleeper sleeper,
            Clock clock,
            Duration timeout,
            int retries,
            Duration maxRetryWait) {
        this.http = http;
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.tokens = tokens;
        this.sleeper = sleeper;
        this.clock = clock;
        this.timeout = timeout;
        this.retries = retries;
        this.maxRetryWait = maxRetryWait;
    }

    /** GET that must succeed. */
    JsonNode get(String path, String what) {
        return ok(send("GET", path, null), what, List.of(), null);
    }

    /**
     * Sends a request and returns the body of a 2xx answer (an empty object for 204).
     *
     * @param sent the attributes the request writes, to name the one a 409 is about
     * @param naming the resource's naming attribute, named by a 409 that mentions nothing else
     * @throws ConnectorException classified by {@link ScimErrors}
     */
    JsonNode call(String method, String path, JsonNode body, String what, Collection<String> sent, String naming) {
        return ok(send(method, path, body), what, sent, naming);
    }

    private JsonNode ok(Response r, String what, Collection<String> sent, String naming) {
        if (r.status() / 100 == 2) {
            return r.body() == null ? JSON.createObjectNode() : r.body();
        }
        ConnectorError error = ScimErrors.classify(r.status(), r.body(), what, sent, naming);
        LOG.fine(() -> "SCIM " + what + " failed: " + error.code() + " " + error.message());
        throw new ConnectorException(error);
    }

    /** Sends with retries; returns the last answer, whatever its status. */
    Response send(String method, String path, JsonNode body) {
        boolean refreshed = false;
        int attempt = 0;
        while (true) {
            HttpResponse<String> response = once(method, path, body);
            int status = response.statusCode();
            if (status == 401 && !refreshed && tokens.refreshable()) {
                tokens.invalidate();
                refreshed = true;
                continue;
            }
            if ((status == 429 || status == 503) && attempt < retries) {
                Duration wait = retryAfter(response).orElse(Duration.ofSeconds(1L << Math.min(attempt, 6)));
                if (wait.compareTo(maxRetryWait) <= 0) {
                    attempt++;
                    LOG.info(() -> method + " " + path + ": " + status + ", retry after " + wait);
                    pause(wait);
                    continue;
                }
            }
            return new Response(status, parse(response.body()));
        }
    }

    private HttpResponse<String> once(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", MEDIA + ", application/json")
                .header("Authorization", "Bearer " + tokens.token());
        try {
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", MEDIA)
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.TIMEOUT, method + " " + path + ": no answer in " + timeout),
                    e);
        } catch (IOException e) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.NETWORK, method + " " + baseUrl + path + ": " + e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NETWORK, "interrupted"), e);
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date (RFC 9110 §10.2.3). */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(clock.instant(), at.toInstant());
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NETWORK, "interrupted"), e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
