package dev.joinery.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small Graph client on {@code java.net.http} and Jackson. Adds the bearer token (cached, refreshed five
 * minutes before expiry and once more on a 401); honours 429 and 503 {@code Retry-After} (notes §7 "Back-off
 * guidance"), backing off exponentially when no header is sent, through the injected sleeper; retries 5xx
 * only for reads, since a repeated create could land twice (notes §6). Batches at most 20 requests per
 * {@code $batch} and retries only the throttled items (notes §4). Logs one line per call, never a token.
 * Not thread-safe.
 */
final class GraphClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(GraphClient.class.getName());
    private static final int MAX_RETRIES = 8;
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /** A response: status, headers by lower-case name (first value), JSON body or null. */
    record Response(int status, Map<String, String> headers, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** One request of a {@code $batch}: a relative url such as {@code /users/{id}}. */
    record BatchItem(String id, String method, String url, JsonNode body) {}

    private final GraphConnectorConfig config;
    private final TokenSource tokens;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpClient http;
    private TokenSource.Token token;
    private boolean refused;

    GraphClient(GraphConnectorConfig config, TokenSource tokens, Clock clock, Sleeper sleeper, HttpClient http) {
        this.config = config;
        this.tokens = tokens;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = http;
    }

    /** GET that must succeed; the body. */
    JsonNode get(String pathOrUrl, String what) {
        Response r = call("GET", pathOrUrl, null);
        if (!r.ok()) {
            throw new ConnectorException(GraphErrors.classify(r.status(), r.body(), what));
        }
        return r.body();
    }

    /** GETs {@code first} and every {@code @odata.nextLink} after it, giving each item of each page to {@code each}. */
    void forEachItem(String first, String what, java.util.function.Consumer<JsonNode> each) {
        String next = first;
        while (next != null) {
            JsonNode page = get(next, what);
            page.path("value").forEach(each);
            next = page.hasNonNull("@odata.nextLink")
                    ? page.get("@odata.nextLink").asText()
                    : null;
        }
    }

    /** One call with retries; returns whatever status it ends with. */
    Response call(String method, String pathOrUrl, JsonNode body) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : config.graphRoot() + pathOrUrl;
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            Response r = send(method, url, body);
            LOG.log(System.Logger.Level.DEBUG, "Graph {0} {1} -> {2}", method, pathOf(url), r.status());
            if (r.status() == 401 && !refreshed) {
                token = null;
                refused = true;
                refreshed = true;
                continue;
            }
            boolean retriable = r.status() == 429 || r.status() == 503 || (method.equals("GET") && r.status() >= 500);
            if (!retriable || attempt >= MAX_RETRIES) {
                return r;
            }
            pause(retryAfter(r.headers(), attempt));
        }
    }

    /**
     * Runs the items in {@code $batch}es of at most {@code batchSize}, in order; items that come back 429 are
     * sent again together after the longest {@code Retry-After} (notes §4). Returns the final response per id.
     */
    Map<String, Response> batch(List<BatchItem> items) {
        Map<String, Response> results = new LinkedHashMap<>();
        for (int from = 0; from < items.size(); from += config.batchSize()) {
            List<BatchItem> pending = items.subList(from, Math.min(items.size(), from + config.batchSize()));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                Map<String, Response> round = sendBatch(pending);
                List<BatchItem> throttled = new ArrayList<>();
                Duration wait = Duration.ZERO;
                for (BatchItem item : pending) {
                    Response r = round.get(item.id());
                    if (r != null && (r.status() == 429 || r.status() == 503) && attempt < MAX_RETRIES) {
                        throttled.add(item);
                        Duration d = retryAfter(r.headers(), attempt);
                        wait = d.compareTo(wait) > 0 ? d : wait;
                    } else {
                        results.put(item.id(), r);
                    }
                }
                if (!throttled.isEmpty()) {
                    LOG.log(
                            System.Logger.Level.INFO,
                            "Graph $batch: {0} items throttled, retrying after {1}",
                            throttled.size(),
                            wait);
                    pause(wait);
                }
                pending = throttled;
            }
        }
        return results;
    }

    private Map<String, Response> sendBatch(List<BatchItem> items) {
        ObjectNode envelope = JSON.createObjectNode();
        ArrayNode requests = envelope.putArray("requests");
        for (BatchItem item : items) {
            ObjectNode r = requests.addObject();
            r.put("id", item.id());
            r.put("method", item.method());
            r.put("url", item.url());
            if (item.body() != null) {
                r.set("body", item.body());
                r.putObject("headers").put("Content-Type", "application/json");
            }
        }
        Response envelopeResponse = call("POST", "/$batch", envelope);
        if (!envelopeResponse.ok()) {
            throw new ConnectorException(
                    GraphErrors.classify(envelopeResponse.status(), envelopeResponse.body(), "$batch"));
        }
        Map<String, Response> byId = new LinkedHashMap<>();
        for (JsonNode r : envelopeResponse.body().path("responses")) {
            Map<String, String> headers = new LinkedHashMap<>();
            r.path("headers")
                    .fields()
                    .forEachRemaining(h -> headers.put(
                            h.getKey().toLowerCase(java.util.Locale.ROOT),
                            h.getValue().asText()));
            byId.put(r.path("id").asText(), new Response(r.path("status").asInt(), headers, r.get("body")));
        }
        return byId;
    }

    private Response send(String method, String url, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(6))
                .header("Authorization", "Bearer " + token().value())
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            res.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            JsonNode json = res.body() == null || res.body().isBlank() ? null : JSON.readTree(res.body());
            return new Response(res.statusCode(), headers, json);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.TIMEOUT, method + " " + pathOf(url) + " timed out"), e);
        } catch (IOException e) {
            if (GraphTls.isHandshakeFailure(e)) {
                throw new ConnectorException(GraphTls.handshakeError(pathOf(url), e), e);
            }
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.NETWORK, method + " " + pathOf(url) + ": " + e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NETWORK, "interrupted"), e);
        }
    }

    private TokenSource.Token token() {
        if (token == null || !clock.instant().isBefore(token.expiresOn().minus(REFRESH_MARGIN))) {
            token = refused ? tokens.refresh() : tokens.fetch();
            refused = false;
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "Graph token for client {0} acquired, valid until {1}",
                    config.clientId(),
                    token.expiresOn());
        }
        return token;
    }

    /** Retry-After in seconds, fractional allowed; else 1, 2, 4 ... seconds, capped at a minute. */
    private static Duration retryAfter(Map<String, String> headers, int attempt) {
        Optional<String> h = Optional.ofNullable(headers.get("retry-after"));
        if (h.isPresent()) {
            try {
                return Duration.ofMillis((long) (Double.parseDouble(h.get().trim()) * 1000));
            } catch (NumberFormatException e) {
                // an HTTP date: fall back to backing off
            }
        }
        return Duration.ofSeconds(Math.min(60, 1L << Math.min(attempt, 6)));
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.OTHER, "interrupted while waiting"), e);
        }
    }

    private static String pathOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
