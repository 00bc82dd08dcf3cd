package dev.joinery.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full and delta import (graph-directory-notes §2.3, §3). The watermark is one delta link per object type, as
 * JSON. A full import first takes {@code $deltatoken=latest} links, then lists every object page by page, so
 * a change made while it lists is seen again by the next delta import. A delta import follows each stored link
 * to the end of its round: removals become deletes; a changed object is sent whole (re-read when the delta item
 * lacks selected properties, and always for groups, whose members are listed again).
 */
final class GraphImporter {
    private final GraphClient client;
    private final int pageSize;

    GraphImporter(GraphClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    Watermark fullImport(ImportSink sink) {
        Map<String, String> links = new LinkedHashMap<>();
        for (GraphSchema.Type t : GraphSchema.Type.values()) {
            JsonNode latest = client.get(deltaStart(t) + "&$deltatoken=latest", "start delta of " + t.collection);
            links.put(t.collection, latest.path("@odata.deltaLink").asText());
        }
        for (GraphSchema.Type t : GraphSchema.Type.values()) {
            client.forEachItem(
                    "/" + t.collection + "?$select=" + GraphSchema.select(t) + "&$top=" + pageSize,
                    "list " + t.collection,
                    o -> sink.accept(ImportChange.upsert(GraphSchema.toObject(t, o, members(t, o)))));
        }
        Watermark watermark = encode(links);
        sink.checkpoint(watermark);
        return watermark;
    }

    Watermark deltaImport(Watermark since, ImportSink sink) {
        Map<String, String> links = decode(since);
        for (GraphSchema.Type t : GraphSchema.Type.values()) {
            String next = links.get(t.collection);
            if (next == null) {
                throw expired("the watermark has no delta link for " + t.collection);
            }
            Map<String, JsonNode> changed = new LinkedHashMap<>();
            String deltaLink = null;
            while (next != null) {
                JsonNode page = client.get(next, "delta of " + t.collection);
                for (JsonNode item : page.path("value")) {
                    // notes §3: an object can appear several times in one round; the last one wins.
                    changed.remove(item.path("id").asText());
                    changed.put(item.path("id").asText(), item);
                }
                next = page.hasNonNull("@odata.nextLink")
                        ? page.get("@odata.nextLink").asText()
                        : null;
                deltaLink = page.hasNonNull("@odata.deltaLink")
                        ? page.get("@odata.deltaLink").asText()
                        : deltaLink;
            }
            for (JsonNode item : changed.values()) {
                send(t, item, sink);
            }
            links.put(t.collection, deltaLink);
            sink.checkpoint(encode(links));
        }
        return encode(links);
    }

    /**
     * The objects of a type whose attribute holds the value, by {@code $filter} (notes §2.1): {@code p eq 'v'},
     * {@code p eq true}, and for collections {@code p/any(x:x eq 'v')}; by {@code GET /{collection}/{id}} for the
     * anchor. Strings compare ignoring case, as Graph does.
     */
    List<ConnectorObject> find(GraphSchema.Type t, String attribute, AttributeValue value) {
        if (!(value instanceof AttributeValue.Text || value instanceof AttributeValue.Bool)) {
            throw new IllegalArgumentException(
                    "Graph looks up " + t.name + " by text or boolean values, not " + value.type());
        }
        List<ConnectorObject> found = new ArrayList<>();
        if (attribute.equalsIgnoreCase("id")) {
            GraphClient.Response r = client.call(
                    "GET",
                    "/" + t.collection + "/" + enc(value.toString()) + "?$select=" + GraphSchema.select(t),
                    null);
            if (r.ok()) {
                found.add(GraphSchema.toObject(t, r.body(), members(t, r.body())));
            } else if (r.status() != 404) {
                throw new ConnectorException(
                        GraphErrors.classify(r.status(), r.body(), "read " + t.name + " " + value));
            }
            return found;
        }
        ConnectorSchema.Attribute a = GraphSchema.attribute(t, attribute)
                .orElseThrow(() -> new IllegalArgumentException("Graph cannot look up " + t.name + " by " + attribute));
        String literal = value instanceof AttributeValue.Bool
                ? value.toString()
                : "'" + value.toString().replace("'", "''") + "'";
        String filter = a.multiValued() ? a.name() + "/any(x:x eq " + literal + ")" : a.name() + " eq " + literal;
        client.forEachItem(
                "/" + t.collection + "?$select=" + GraphSchema.select(t) + "&$top=" + pageSize + "&$filter="
                        + enc(filter),
                "find " + t.name + " by " + a.name(),
                o -> found.add(GraphSchema.toObject(t, o, members(t, o))));
        return found;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void send(GraphSchema.Type t, JsonNode item, ImportSink sink) {
        String id = item.path("id").asText();
        if (item.has("@removed")) {
            sink.accept(ImportChange.delete(Anchor.of(id)));
            return;
        }
        JsonNode whole = item;
        if (t == GraphSchema.Type.GROUP || !hasEverySelected(t, item)) {
            GraphClient.Response r =
                    client.call("GET", "/" + t.collection + "/" + id + "?$select=" + GraphSchema.select(t), null);
            if (r.status() == 404) {
                sink.accept(ImportChange.delete(Anchor.of(id)));
                return;
            }
            if (!r.ok()) {
                throw new ConnectorException(GraphErrors.classify(r.status(), r.body(), "read " + t.name + " " + id));
            }
            whole = r.body();
        }
        sink.accept(ImportChange.upsert(GraphSchema.toObject(t, whole, members(t, whole))));
    }

    private static boolean hasEverySelected(GraphSchema.Type t, JsonNode item) {
        return GraphSchema.attributes(t).stream().allMatch(a -> item.has(a.name()));
    }

    /** A group's members as DNs, from {@code /groups/{id}/members} page by page. */
    private List<String> members(GraphSchema.Type t, JsonNode group) {
        List<String> dns = new ArrayList<>();
        if (t != GraphSchema.Type.GROUP) {
            return dns;
        }
        client.forEachItem(
                "/groups/" + group.path("id").asText() + "/members?$select=id,userPrincipalName,mailNickname&$top="
                        + pageSize,
                "members of group " + group.path("id").asText(),
                m -> GraphSchema.memberDn(m).ifPresent(dns::add));
        return dns;
    }

    private static String deltaStart(GraphSchema.Type t) {
        String select = GraphSchema.select(t) + (t == GraphSchema.Type.GROUP ? "," + GraphSchema.MEMBERS : "");
        return "/" + t.collection + "/delta?$select=" + URLEncoder.encode(select, StandardCharsets.UTF_8);
    }

    private static Watermark encode(Map<String, String> links) {
        ObjectNode n = GraphClient.JSON.createObjectNode();
        links.forEach(n::put);
        return new Watermark(n.toString());
    }

    private static Map<String, String> decode(Watermark w) {
        try {
            JsonNode n = GraphClient.JSON.readTree(w.token());
            Map<String, String> links = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> links.put(e.getKey(), e.getValue().asText()));
            return links;
        } catch (IOException e) {
            throw expired("the watermark is not one this connector wrote");
        }
    }

    private static ConnectorException expired(String message) {
        return new ConnectorException(ConnectorError.of(ConnectorError.Code.WATERMARK_EXPIRED, message));
    }
}
