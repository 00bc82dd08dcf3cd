package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * One Graph call, from HTTP or from a {@code $batch} item: method, path below {@code /v1.0} (decoded, leading
 * slash), decoded query options, headers by lower-case name, the JSON body (null when none), the caller, and
 * the service root used to build {@code @odata.nextLink}s.
 */
record GraphRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        JsonNode body,
        Caller caller,
        String serviceRoot) {

    /** Who called: the tenant and application the bearer token was issued to. */
    record Caller(String tenant, String clientId) {}

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean isWrite() {
        return !method.equals("GET");
    }
}
