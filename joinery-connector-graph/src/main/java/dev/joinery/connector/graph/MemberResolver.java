package dev.joinery.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns member DNs into Graph ids: a user by {@code GET /users/{userPrincipalName}} (notes §5), a group by
 * {@code $filter=mailNickname eq '…'} (ambiguous when several match), contacts and devices by their id. Caches
 * what it found for the connector's session. Not thread-safe.
 */
final class MemberResolver {
    private final GraphClient client;
    private final Map<String, String> ids = new HashMap<>();

    MemberResolver(GraphClient client) {
        this.client = client;
    }

    String id(String dn) {
        String key = dn.toLowerCase(Locale.ROOT);
        String cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        GraphSchema.Type t = GraphSchema.typeOfDn(dn).orElseThrow(() -> notFound(dn));
        String value = GraphSchema.namingValue(dn);
        String id;
        if (t == GraphSchema.Type.USER) {
            GraphClient.Response r = client.call("GET", "/users/" + enc(value) + "?$select=id", null);
            if (r.status() == 404) {
                throw notFound(dn);
            }
            id = r.body().path("id").asText();
        } else if (t == GraphSchema.Type.GROUP) {
            String filter = "mailNickname eq '" + value.replace("'", "''") + "'";
            JsonNode found = client.get("/groups?$select=id&$filter=" + enc(filter), "find group " + value)
                    .path("value");
            if (found.size() != 1) {
                throw found.isEmpty()
                        ? notFound(dn)
                        : new ConnectorException(ConnectorError.onAttribute(
                                ConnectorError.Code.CONFLICT, GraphSchema.MEMBERS, "several groups are " + dn));
            }
            id = found.get(0).path("id").asText();
        } else {
            id = value;
        }
        ids.put(key, id);
        return id;
    }

    Set<String> memberIds(String groupId) {
        Set<String> out = new LinkedHashSet<>();
        client.forEachItem(
                "/groups/" + groupId + "/members?$select=id&$top=999",
                "members of group " + groupId,
                m -> out.add(m.path("id").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ConnectorException notFound(String dn) {
        return new ConnectorException(
                ConnectorError.onAttribute(ConnectorError.Code.NOT_FOUND, GraphSchema.MEMBERS, "no member " + dn));
    }
}
