package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /$batch} (notes §4): at most 20 requests with unique ids (case-insensitive), each run through the
 * whole pipeline (throttling included, so an item can get its own 429 with {@code Retry-After}), in the order
 * given; {@code dependsOn} on a failed item gives {@code 424}. The envelope is 200 whenever the batch parses.
 */
final class BatchHandler {
    static final int MAX_REQUESTS = 20;

    private BatchHandler() {}

    static GraphResponse handle(
            GraphRequest envelope, Function<GraphRequest, GraphResponse> pipeline, java.time.Clock clock) {
        JsonNode requests = envelope.body() == null ? null : envelope.body().get("requests");
        if (requests == null || !requests.isArray()) {
            throw GraphException.badRequest("Invalid batch payload format.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("The number of batch requests (" + requests.size()
                    + ") exceeds the maximum of " + MAX_REQUESTS + ".");
        }
        Map<String, Integer> statusById = new HashMap<>();
        for (JsonNode r : requests) {
            String id = r.path("id").asText("");
            if (id.isEmpty() || statusById.put(id.toLowerCase(Locale.ROOT), 0) != null) {
                throw GraphException.badRequest("Batch request ids must be present and unique: '" + id + "'.");
            }
        }
        statusById.clear();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = out.putArray("responses");
        for (JsonNode r : requests) {
            String id = r.path("id").asText();
            GraphResponse res = runItem(envelope, r, statusById, pipeline, clock.instant());
            statusById.put(id.toLowerCase(Locale.ROOT), res.status());
            ObjectNode item = responses.addObject();
            item.put("id", id);
            item.put("status", res.status());
            ObjectNode headers = item.putObject("headers");
            res.headers().forEach(headers::put);
            if (res.body() != null) {
                headers.put("Content-Type", "application/json");
                item.set("body", res.body());
            }
        }
        return GraphResponse.of(200, out);
    }

    private static GraphResponse runItem(
            GraphRequest envelope,
            JsonNode r,
            Map<String, Integer> statusById,
            Function<GraphRequest, GraphResponse> pipeline,
            java.time.Instant now) {
        for (JsonNode dep : r.path("dependsOn")) {
            Integer status = statusById.get(dep.asText().toLowerCase(Locale.ROOT));
            if (status == null) {
                throw GraphException.badRequest("dependsOn names an unknown or later request: " + dep.asText());
            }
            if (status >= 400) {
                return GraphResponse.of(
                        424, new GraphException(424, "Request_FailedDependency", "Failed dependency.").body(now));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>(envelope.headers());
        r.path("headers")
                .fields()
                .forEachRemaining(h -> headers.put(
                        h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
        JsonNode body = r.get("body");
        if (body != null && !headers.containsKey("content-type")) {
            return GraphResponse.of(
                    400,
                    GraphException.badRequest("A request with a body needs a Content-Type header.")
                            .body(now));
        }
        String url = r.path("url").asText("");
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        String decodedPath = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        return pipeline.apply(new GraphRequest(
                r.path("method").asText("GET").toUpperCase(Locale.ROOT),
                decodedPath.startsWith("/") ? decodedPath : "/" + decodedPath,
                query,
                headers,
                body,
                envelope.caller(),
                envelope.serviceRoot()));
    }
}
