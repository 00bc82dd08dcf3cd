package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one Graph call returns: status, headers, and a JSON body or none. */
record GraphResponse(int status, Map<String, String> headers, JsonNode body) {
    static GraphResponse of(int status, JsonNode body) {
        return new GraphResponse(status, new LinkedHashMap<>(), body);
    }

    static GraphResponse noContent() {
        return of(204, null);
    }
}
