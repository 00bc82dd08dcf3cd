package dev.joinery.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Export through {@code $batch} (graph-directory-notes §4, §5). Each change becomes its main request (POST,
 * PATCH or DELETE), sent in batches of at most 20 with changes to one object kept in separate rounds, then its
 * membership requests ({@code POST members/$ref}, {@code DELETE members/{id}/$ref}), one per member: membership
 * changes by increments, never by replacing the whole list. Writes are paced by the {@link WriteRateLimiter}.
 * An add of a member already there and a removal of one already gone count as done, so a repeated export is
 * harmless. Not thread-safe.
 */
final class GraphExporter {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GraphClient client;
    private final WriteRateLimiter limiter;
    private final int batchSize;
    private final MemberResolver resolver;

    GraphExporter(GraphClient client, WriteRateLimiter limiter, int batchSize) {
        this.client = client;
        this.limiter = limiter;
        this.batchSize = batchSize;
        this.resolver = new MemberResolver(client);
    }

    /** One change in flight: its main request (or none), its member requests, and what became of it. */
    private static final class Step {
        final ExportChange change;
        GraphSchema.Type type;
        GraphClient.BatchItem main;
        final List<AttributeChange> memberChanges = new ArrayList<>();
        String id;
        ConnectorError error;

        Step(ExportChange change) {
            this.change = change;
        }
    }

    List<ExportResult> export(List<ExportChange> batch) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Step s = new Step(batch.get(i));
            try {
                plan(s, "c" + i);
            } catch (ConnectorException e) {
                s.error = e.error();
            }
            steps.add(s);
        }
        runMain(steps);
        runMembers(steps);
        List<ExportResult> results = new ArrayList<>();
        for (Step s : steps) {
            results.add(s.error != null ? ExportResult.failed(s.error) : ExportResult.applied(Anchor.of(s.id)));
        }
        return results;
    }

    private void plan(Step s, String itemId) {
        ExportChange c = s.change;
        if (c instanceof ExportChange.Add) {
            ExportChange.Add add = (ExportChange.Add) c;
            s.type = GraphSchema.type(add.objectType())
                    .orElseThrow(() -> refused(null, "unknown object type " + add.objectType()));
            ObjectNode body = GraphSchema.createBody(s.type, add.dn(), add.attributes());
            if (s.type == GraphSchema.Type.USER) {
                List<AttributeValue> pw = add.attributes().getOrDefault(GraphSchema.PASSWORD, List.of());
                body.putObject("passwordProfile")
                        .put(
                                "password",
                                pw.isEmpty() ? randomPassword() : pw.get(0).toString())
                        .put("forceChangePasswordNextSignIn", false);
            }
            List<AttributeValue> members = add.attributes().getOrDefault(GraphSchema.MEMBERS, List.of());
            if (!members.isEmpty()) {
                s.memberChanges.add(AttributeChange.add(GraphSchema.MEMBERS, members));
            }
            s.main = new GraphClient.BatchItem(itemId, "POST", "/" + s.type.collection, body);
        } else if (c instanceof ExportChange.Modify) {
            ExportChange.Modify m = (ExportChange.Modify) c;
            s.type = typeOf(m.dn());
            s.id = m.anchor().value();
            ObjectNode patch = GraphClient.JSON.createObjectNode();
            for (AttributeChange ch : m.changes()) {
                if (ch.name().equalsIgnoreCase(GraphSchema.MEMBERS)) {
                    s.memberChanges.add(ch);
                } else {
                    patchValue(s, ch, patch);
                }
            }
            if (!patch.isEmpty()) {
                s.main = new GraphClient.BatchItem(itemId, "PATCH", path(s), patch);
            } else if (s.memberChanges.isEmpty()) {
                s.main = new GraphClient.BatchItem(itemId, "GET", path(s) + "?$select=id", null);
            }
        } else if (c instanceof ExportChange.Rename) {
            ExportChange.Rename r = (ExportChange.Rename) c;
            s.type = typeOf(r.dn());
            s.id = r.anchor().value();
            if (typeOf(r.newDn()) != s.type) {
                throw refused(null, "a " + s.type.name + " cannot move to " + r.newDn());
            }
            ObjectNode patch =
                    GraphClient.JSON.createObjectNode().put(s.type.naming, GraphSchema.namingValue(r.newDn()));
            s.main = new GraphClient.BatchItem(itemId, "PATCH", path(s), patch);
        } else {
            ExportChange.Delete d = (ExportChange.Delete) c;
            s.type = typeOf(d.dn());
            s.id = d.anchor().value();
            s.main = new GraphClient.BatchItem(itemId, "DELETE", path(s), null);
        }
    }

    /** REPLACE and CLEAR set the value; ADD and DELETE of a multi-valued attribute rewrite it from the current one. */
    private void patchValue(Step s, AttributeChange ch, ObjectNode patch) {
        ConnectorSchema.Attribute a = GraphSchema.attribute(s.type, ch.name())
                .orElseThrow(() -> refused(ch.name(), ch.name() + " is not an attribute of " + s.type.name));
        switch (ch.operation()) {
            case REPLACE:
            case CLEAR:
                patch.set(a.name(), GraphSchema.toJson(a, ch.values()));
                return;
            default:
                if (!a.multiValued()) {
                    patch.set(
                            a.name(),
                            GraphSchema.toJson(
                                    a, ch.operation() == AttributeChange.Operation.ADD ? ch.values() : List.of()));
                    return;
                }
                JsonNode current = client.get(path(s) + "?$select=" + a.name(), "read " + a.name())
                        .path(a.name());
                Set<String> values = new LinkedHashSet<>();
                current.forEach(v -> values.add(v.asText()));
                ch.values().forEach(v -> {
                    if (ch.operation() == AttributeChange.Operation.ADD) {
                        values.add(v.toString());
                    } else {
                        values.remove(v.toString());
                    }
                });
                patch.set(
                        a.name(),
                        GraphSchema.toJson(
                                a,
                                values.stream()
                                        .map(v -> (AttributeValue) AttributeValue.text(v))
                                        .toList()));
        }
    }

    /** Main requests in rounds where no object appears twice, each round in batches. */
    private void runMain(List<Step> steps) {
        List<Step> pending =
                steps.stream().filter(s -> s.error == null && s.main != null).toList();
        while (!pending.isEmpty()) {
            List<Step> round = new ArrayList<>();
            List<Step> later = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Step s : pending) {
                (s.id == null || seen.add(s.id) ? round : later).add(s);
            }
            run(round.stream().map(s -> s.main).toList(), (item, r) -> {
                Step s = round.stream().filter(x -> x.main == item).findFirst().orElseThrow();
                if (r.ok()) {
                    if (s.id == null) {
                        s.id = r.body().path("id").asText();
                    }
                } else {
                    s.error = GraphErrors.onSentProperty(
                            GraphErrors.classify(r.status(), r.body(), describe(s)), item.body());
                }
            });
            pending = later;
        }
    }

    private void runMembers(List<Step> steps) {
        List<GraphClient.BatchItem> items = new ArrayList<>();
        Map<GraphClient.BatchItem, Step> owner = new java.util.IdentityHashMap<>();
        for (Step s : steps) {
            if (s.error != null || s.memberChanges.isEmpty()) {
                continue;
            }
            try {
                for (GraphClient.BatchItem item : memberItems(s, "m" + items.size() + "_")) {
                    items.add(item);
                    owner.put(item, s);
                }
            } catch (ConnectorException e) {
                s.error = e.error();
            }
        }
        run(items, (item, r) -> {
            Step s = owner.get(item);
            // notes §5: adding a present member is 400 "already exist"; removing an absent one is 404 naming it.
            String member = item.url().replaceAll(".*/members/([^/]+)/\\$ref$", "$1");
            boolean harmless = r.body() != null
                    && ((item.method().equals("POST")
                                    && r.status() == 400
                                    && r.body().toString().contains("already exist"))
                            || (item.method().equals("DELETE")
                                    && r.status() == 404
                                    && r.body().toString().contains(member)));
            if (!r.ok() && !harmless && s.error == null) {
                s.error = GraphErrors.classify(r.status(), r.body(), describe(s) + " members");
            }
        });
    }

    private List<GraphClient.BatchItem> memberItems(Step s, String prefix) {
        if (s.type != GraphSchema.Type.GROUP) {
            throw refused(GraphSchema.MEMBERS, "only groups have members");
        }
        List<GraphClient.BatchItem> items = new ArrayList<>();
        for (AttributeChange ch : s.memberChanges) {
            List<String> add = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            if (ch.operation() == AttributeChange.Operation.ADD) {
                ch.values().forEach(v -> add.add(resolver.id(v.toString())));
            } else if (ch.operation() == AttributeChange.Operation.DELETE) {
                ch.values().forEach(v -> remove.add(resolver.id(v.toString())));
            } else {
                Set<String> wanted = new LinkedHashSet<>();
                ch.values().forEach(v -> wanted.add(resolver.id(v.toString())));
                Set<String> current = resolver.memberIds(s.id);
                wanted.stream().filter(id -> !current.contains(id)).forEach(add::add);
                current.stream().filter(id -> !wanted.contains(id)).forEach(remove::add);
            }
            for (String m : add) {
                ObjectNode ref = GraphClient.JSON
                        .createObjectNode()
                        .put("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + m);
                items.add(new GraphClient.BatchItem(
                        prefix + items.size(), "POST", "/groups/" + s.id + "/members/$ref", ref));
            }
            for (String m : remove) {
                items.add(new GraphClient.BatchItem(
                        prefix + items.size(), "DELETE", "/groups/" + s.id + "/members/" + m + "/$ref", null));
            }
        }
        return items;
    }

    private void run(
            List<GraphClient.BatchItem> items,
            java.util.function.BiConsumer<GraphClient.BatchItem, GraphClient.Response> onResult) {
        for (int from = 0; from < items.size(); from += batchSize) {
            List<GraphClient.BatchItem> chunk = items.subList(from, Math.min(items.size(), from + batchSize));
            limiter.acquire(
                    (int) chunk.stream().filter(i -> !i.method().equals("GET")).count());
            Map<String, GraphClient.Response> responses = client.batch(chunk);
            for (GraphClient.BatchItem item : chunk) {
                GraphClient.Response r = responses.get(item.id());
                onResult.accept(item, r == null ? new GraphClient.Response(500, Map.of(), null) : r);
            }
        }
    }

    private static String path(Step s) {
        return "/" + s.type.collection + "/" + s.id;
    }

    private static GraphSchema.Type typeOf(String dn) {
        return GraphSchema.typeOfDn(dn).orElseThrow(() -> refused(null, "not a Graph DN: " + dn));
    }

    private static String describe(Step s) {
        String kind = s.change.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return kind + " " + s.change.dn();
    }

    private static ConnectorException refused(String attribute, String message) {
        return new ConnectorException(
                attribute == null
                        ? ConnectorError.of(ConnectorError.Code.CONSTRAINT_VIOLATION, message)
                        : ConnectorError.onAttribute(ConnectorError.Code.CONSTRAINT_VIOLATION, attribute, message));
    }

    /** notes §1.2: 3 of 4 character classes; 24 characters from a secure random source. */
    private static String randomPassword() {
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%+-.:=?@^_~"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            String c = classes[i % 4];
            sb.append(c.charAt(RANDOM.nextInt(c.length())));
        }
        return sb.toString();
    }
}
