package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A Graph error as the service returns it: status, {@code error.code}, {@code error.message}, optional
 * {@code details[]} and an {@code innerError} with date and request-id (notes §6 "Shape").
 */
final class GraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final transient Map<String, String> headers = new LinkedHashMap<>();
    private final transient ArrayNode details = JsonNodeFactory.instance.arrayNode();

    GraphException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static GraphException badRequest(String message) {
        return new GraphException(400, "Request_BadRequest", message);
    }

    static GraphException notFound(String id) {
        return new GraphException(
                404,
                "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects are not"
                        + " present.");
    }

    static GraphException unsupportedQuery(String message) {
        return new GraphException(400, "Request_UnsupportedQuery", message);
    }

    /**
     * A uniqueness conflict, as observed in microsoft-graph-docs#1508 and -contrib#8421 (notes §1.3, §1.8): 400
     * {@code Request_BadRequest}, the property in the message and in {@code details[].target}.
     */
    static GraphException conflict(String property, String conflictingId) {
        GraphException e =
                badRequest("Another object with the same value for property " + property + " already exists.");
        e.detail(
                "ObjectConflict",
                property,
                "Another object with the same value for property " + property + " already exists.");
        e.detail("ConflictingObjects", property, conflictingId);
        return e;
    }

    GraphException detail(String detailCode, String target, String message) {
        ObjectNode d = details.addObject();
        d.put("code", detailCode);
        d.put("target", target);
        d.put("message", message);
        return this;
    }

    GraphException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ObjectNode body(Instant now) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", getMessage());
        if (!details.isEmpty()) {
            error.set("details", details.deepCopy());
        }
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", now.toString());
        String requestId = UUID.randomUUID().toString();
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        return root;
    }
}
