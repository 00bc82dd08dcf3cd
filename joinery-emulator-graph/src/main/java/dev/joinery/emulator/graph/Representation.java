package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** How objects and collections look on the wire: {@code $select}, default properties, paging (notes §2). */
final class Representation {
    static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata#";
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 999;

    private Representation() {}

    /** The {@code $select} list, or empty for the defaults. */
    static Set<String> select(Map<String, String> query) {
        String s = query.get("$select");
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return java.util.Arrays.stream(s.split(","))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The object with {@code id} and the selected properties (null when unset); without {@code $select}, a
     * user shows only its 11 default properties (notes §1.2, §2.1) and other types show everything stored.
     */
    static ObjectNode object(StoredObject o, Set<String> select, boolean withType) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (withType) {
            out.put("@odata.type", o.kind.odataType);
        }
        out.put("id", o.id);
        if (!select.isEmpty()) {
            for (String name : select) {
                if (!name.equals("id") && !name.equals("members")) {
                    JsonNode v = o.properties.get(name);
                    out.set(name, v == null ? JsonNodeFactory.instance.nullNode() : v.deepCopy());
                }
            }
            return out;
        }
        o.properties.fields().forEachRemaining(e -> {
            if (o.kind != Kind.USER || Kind.USER_DEFAULT_PROPERTIES.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (o.kind == Kind.USER) {
            Kind.USER_DEFAULT_PROPERTIES.forEach(p -> {
                if (!out.has(p)) {
                    out.putNull(p);
                }
            });
        }
        return out;
    }

    /**
     * A page of a collection: {@code $filter}, {@code $top} (1–999, default 100, notes §2.3), ordered by id, the
     * {@code $skiptoken} being the last id served, and {@code @odata.nextLink} while more remain.
     */
    static ObjectNode page(GraphRequest req, String context, List<StoredObject> all, boolean withType) {
        int top = top(req.query());
        String filter = req.query().get("$filter");
        Predicate<JsonNode> match = filter == null ? x -> true : ODataFilter.parse(filter, advanced(req), context);
        String after =
                req.query().containsKey("$skiptoken") ? decode(req.query().get("$skiptoken")) : "";
        Set<String> select = select(req.query());
        List<StoredObject> matching = all.stream()
                .filter(o -> o.id.compareTo(after) > 0)
                .filter(o -> match.test(withId(o)))
                .sorted(Comparator.comparing((StoredObject o) -> o.id))
                .toList();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", METADATA + context);
        ArrayNode value = body.putArray("value");
        matching.stream().limit(top).forEach(o -> value.add(object(o, select, withType)));
        if (matching.size() > top) {
            String last = matching.get(top - 1).id;
            body.put("@odata.nextLink", link(req, Map.of("$skiptoken", encode(last))));
        }
        return body;
    }

    static ObjectNode withId(StoredObject o) {
        ObjectNode n = o.properties.deepCopy();
        n.put("id", o.id);
        return n;
    }

    static boolean advanced(GraphRequest req) {
        return "eventual".equalsIgnoreCase(req.header("ConsistencyLevel"))
                && "true".equalsIgnoreCase(req.query().get("$count"));
    }

    static int top(Map<String, String> query) {
        String t = query.get("$top");
        if (t == null) {
            return DEFAULT_PAGE;
        }
        int n;
        try {
            n = Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_PAGE) {
            // Observed text, notes §2.3.
            throw GraphException.badRequest(
                    "Invalid page size specified: '" + t + "'. Must be between 1 and 999 inclusive.");
        }
        return n;
    }

    /** The request's URL with the original options except those in {@code replace}, which are set. */
    static String link(GraphRequest req, Map<String, String> replace) {
        StringBuilder sb = new StringBuilder(req.serviceRoot()).append(req.path());
        char sep = '?';
        for (var e : req.query().entrySet()) {
            if (!replace.containsKey(e.getKey())) {
                sb.append(sep).append(e.getKey()).append('=').append(urlEncode(e.getValue()));
                sep = '&';
            }
        }
        for (var e : replace.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(urlEncode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String s) {
        try {
            return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("The specified page token value has expired or is invalid.");
        }
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
