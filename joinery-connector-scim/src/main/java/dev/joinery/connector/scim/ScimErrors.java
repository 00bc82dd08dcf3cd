package dev.joinery.connector.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joinery.connector.spi.ConnectorError;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies SCIM error responses (RFC 7644 §3.12: {@code status}, {@code scimType}, {@code detail}) into
 * {@link ConnectorError}s. A 409 is a uniqueness {@code CONFLICT} naming the attribute: the first of the request's
 * attributes that the detail mentions, else the resource's naming attribute ({@code userName}, {@code
 * displayName}), which RFC 7643 makes unique.
 */
final class ScimErrors {
    private ScimErrors() {}

    static ConnectorError classify(
            int status, JsonNode body, String what, Collection<String> sentAttributes, String namingAttribute) {
        String scimType = body == null ? "" : body.path("scimType").asText("");
        String detail = body == null ? "" : body.path("detail").asText("");
        String text = what + ": " + status + (scimType.isEmpty() ? "" : " " + scimType)
                + (detail.isEmpty() ? "" : " " + detail);
        if (status == 409 || scimType.equals("uniqueness")) {
            String attribute = mentioned(detail, sentAttributes);
            if (attribute == null) {
                attribute = namingAttribute;
            }
            return attribute == null
                    ? ConnectorError.of(ConnectorError.Code.CONFLICT, text)
                    : ConnectorError.onAttribute(ConnectorError.Code.CONFLICT, attribute, text);
        }
        if (status == 400 && scimType.equals("mutability")) {
            String attribute = mentioned(detail, sentAttributes);
            return attribute == null
                    ? ConnectorError.of(ConnectorError.Code.IMMUTABLE_VIOLATION, text)
                    : ConnectorError.onAttribute(ConnectorError.Code.IMMUTABLE_VIOLATION, attribute, text);
        }
        if (status == 400) {
            String attribute = mentioned(detail, sentAttributes);
            return attribute == null
                    ? ConnectorError.of(ConnectorError.Code.CONSTRAINT_VIOLATION, text)
                    : ConnectorError.onAttribute(ConnectorError.Code.CONSTRAINT_VIOLATION, attribute, text);
        }
        return ConnectorError.of(codeOf(status), text);
    }

    /** The code of a status without a body worth reading. */
    static ConnectorError.Code codeOf(int status) {
        switch (status) {
            case 401:
                return ConnectorError.Code.CONFIGURATION;
            case 403:
                return ConnectorError.Code.PERMISSION_DENIED;
            case 404:
                return ConnectorError.Code.NOT_FOUND;
            case 409:
            case 412:
                return ConnectorError.Code.CONFLICT;
            case 408:
            case 504:
                return ConnectorError.Code.TIMEOUT;
            case 429:
                return ConnectorError.Code.THROTTLED;
            case 500:
            case 502:
            case 503:
                return ConnectorError.Code.UNAVAILABLE;
            case 400:
            case 413:
                return ConnectorError.Code.CONSTRAINT_VIOLATION;
            default:
                return ConnectorError.Code.OTHER;
        }
    }

    private static String mentioned(String detail, Collection<String> attributes) {
        String lower = detail.toLowerCase(Locale.ROOT);
        for (String a : attributes) {
            String scimName = a.substring(a.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (Pattern.compile("\\b" + Pattern.quote(scimName) + "\\b")
                    .matcher(lower)
                    .find()) {
                return a;
            }
        }
        return null;
    }
}
