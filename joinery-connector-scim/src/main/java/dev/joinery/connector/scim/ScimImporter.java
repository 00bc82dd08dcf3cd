package dev.joinery.connector.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Reads users and groups by paged {@code GET} ({@code startIndex}, 1-based, and {@code count}, RFC 7644
 * §3.4.2.4), and looks objects up by filter. References (group members, a user's manager) arrive as ids and
 * leave as DNs, so every resource is read before any is sent. Used from one thread at a time.
 */
final class ScimImporter {
    private static final Logger LOG = Logger.getLogger(ScimImporter.class.getName());
    private final ScimClient client;
    private final int pageSize;
    private final List<ScimResourceType> types;

    ScimImporter(ScimClient client, int pageSize, List<ScimResourceType> types) {
        this.client = client;
        this.pageSize = pageSize;
        this.types = types;
    }

    /** Every user and group as an upsert, a checkpoint after each page's worth; SCIM has no delta: NONE. */
    Watermark fullImport(ImportSink sink) {
        Map<String, String> idToDn = new HashMap<>();
        List<Map.Entry<ScimResourceType, JsonNode>> all = new ArrayList<>();
        for (ScimResourceType type : types) {
            pages(type, type.endpoint + "?", r -> {
                all.add(Map.entry(type, r));
                idToDn.put(r.path("id").asText(), type.dn(r.path(type.naming).asText()));
            });
        }
        int sent = 0;
        for (Map.Entry<ScimResourceType, JsonNode> e : all) {
            sink.accept(ImportChange.upsert(e.getKey().toObject(e.getValue(), idToDn::get)));
            if (++sent % pageSize == 0) {
                sink.checkpoint(Watermark.NONE);
            }
        }
        sink.checkpoint(Watermark.NONE);
        LOG.info(() -> "SCIM full import: " + all.size() + " resources");
        return Watermark.NONE;
    }

    /** The objects of {@code type} whose {@code attribute} equals {@code value}, by a filtered GET. */
    List<ConnectorObject> find(ScimResourceType type, ScimAttribute attribute, String value) {
        Filter filter = attribute.equalTo(value);
        List<JsonNode> found = new ArrayList<>();
        pages(
                type,
                type.endpoint + "?filter=" + URLEncoder.encode(filter.toString(), StandardCharsets.UTF_8) + "&",
                found::add);
        List<ConnectorObject> objects = new ArrayList<>();
        for (JsonNode r : found) {
            objects.add(type.toObject(r, this::dnOf));
        }
        return objects;
    }

    /** The DN of the resource with {@code id}, read from the service; null when there is none. */
    String dnOf(String id) {
        for (ScimResourceType type : types) {
            ScimClient.Response r = client.send("GET", type.endpoint + "/" + id, null);
            if (r.status() == 200 && r.body() != null) {
                return type.dn(r.body().path(type.naming).asText());
            }
        }
        return null;
    }

    private void pages(ScimResourceType type, String query, Consumer<JsonNode> each) {
        int start = 1;
        while (true) {
            JsonNode page = client.get(
                    query + "startIndex=" + start + "&count=" + pageSize, "list " + type.endpoint + " from " + start);
            JsonNode resources = page.path("Resources");
            if (!resources.isMissingNode() && !resources.isArray()) {
                throw new ConnectorException(
                        ConnectorError.of(ConnectorError.Code.OTHER, type.endpoint + ": Resources is not a list"));
            }
            resources.forEach(each);
            int total = page.path("totalResults").asInt(-1);
            start += resources.size();
            if (resources.size() == 0 || (total >= 0 && start > total)) {
                return;
            }
        }
    }
}
