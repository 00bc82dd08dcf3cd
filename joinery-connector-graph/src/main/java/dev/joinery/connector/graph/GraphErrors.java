package dev.joinery.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joinery.connector.spi.ConnectorError;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies Graph error responses into {@link ConnectorError}s on {@code code}, {@code details[].code} and
 * {@code details[].target}, never on the message alone (graph-directory-notes §6), except the property name of
 * a uniqueness conflict when no detail carries it (notes §1.8: "The property name is in both message and
 * target").
 */
final class GraphErrors {
    /** Attributes the connector's schema declares immutable once set. */
    static final Set<String> IMMUTABLE = Set.of("onPremisesImmutableId");

    private static final Pattern PROPERTY = Pattern.compile("same value for property (\\w+)");

    private GraphErrors() {}

    /**
     * A proxyAddresses conflict on a request that set {@code mail} and not proxyAddresses (which Graph does not let
     * a client write) is a conflict on {@code mail}: notes §1.3, "setting {@code mail} recalculates it and makes the
     * new value the primary {@code SMTP:} address", and "a {@code mail} that collides with another object's proxy
     * fails the PATCH". The engine can then quarantine the value it sent.
     */
    static ConnectorError onSentProperty(ConnectorError error, JsonNode sent) {
        if (error.code() == ConnectorError.Code.CONFLICT
                && "proxyAddresses".equalsIgnoreCase(error.attribute())
                && sent != null
                && sent.hasNonNull("mail")
                && !sent.has("proxyAddresses")) {
            return ConnectorError.onAttribute(ConnectorError.Code.CONFLICT, "mail", error.message());
        }
        return error;
    }

    static ConnectorError classify(int status, JsonNode body, String what) {
        JsonNode error = body == null ? null : body.get("error");
        String code = error == null ? "" : error.path("code").asText();
        String message =
                error == null ? "HTTP " + status : error.path("message").asText();
        String text = what + ": " + status + " " + code + " " + message;
        String conflictTarget = null;
        String target = null;
        if (error != null) {
            for (JsonNode d : error.path("details")) {
                if (d.path("code").asText().equals("ObjectConflict")) {
                    conflictTarget = d.path("target").asText(null);
                }
                if (target == null) {
                    target = d.path("target").asText(null);
                }
            }
        }
        if (conflictTarget == null && status == 400) {
            Matcher m = PROPERTY.matcher(message);
            if (m.find()) {
                conflictTarget = m.group(1);
            }
        }
        if (conflictTarget != null) {
            return ConnectorError.onAttribute(ConnectorError.Code.CONFLICT, conflictTarget, text);
        }
        if (status == 400 && target != null && IMMUTABLE.contains(target) && message.contains("cannot be changed")) {
            return ConnectorError.onAttribute(ConnectorError.Code.IMMUTABLE_VIOLATION, target, text);
        }
        if (code.equals("syncStateNotFound")
                || code.equals("resyncRequired")
                || code.equals("syncStateInvalid")
                || status == 410) {
            return ConnectorError.of(ConnectorError.Code.WATERMARK_EXPIRED, text);
        }
        if (code.equals("Request_MultipleObjectsWithSameKeyValue")) {
            return ConnectorError.of(ConnectorError.Code.CONFLICT, text);
        }
        switch (status) {
            case 401:
                return ConnectorError.of(ConnectorError.Code.CONFIGURATION, text);
            case 403:
                return ConnectorError.of(ConnectorError.Code.PERMISSION_DENIED, text);
            case 404:
                return ConnectorError.of(ConnectorError.Code.NOT_FOUND, text);
            case 429:
                return ConnectorError.of(ConnectorError.Code.THROTTLED, text);
            case 408:
            case 504:
                return ConnectorError.of(ConnectorError.Code.TIMEOUT, text);
            case 500:
            case 502:
            case 503:
            case 509:
                return ConnectorError.of(ConnectorError.Code.UNAVAILABLE, text);
            default:
                break;
        }
        if (status == 400) {
            return target == null
                    ? ConnectorError.of(ConnectorError.Code.CONSTRAINT_VIOLATION, text)
                    : ConnectorError.onAttribute(ConnectorError.Code.CONSTRAINT_VIOLATION, target, text);
        }
        return ConnectorError.of(ConnectorError.Code.OTHER, text);
    }
}
