package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /{users|groups|contacts|devices}/delta} (notes §3). A round pages with {@code @odata.nextLink}
 * ({@code $skiptoken}) and ends with {@code @odata.deltaLink} ({@code $deltatoken}). Tokens are opaque and carry
 * the first request's {@code $select}, a position in the tenant's change log and their issue time: they are
 * stateless, so one token can be replayed. The first round lists live objects; later rounds return objects
 * changed since, with every selected property, removals as {@code "@removed": {"reason": "changed"|"deleted"}},
 * and, when {@code members} is selected, {@code members@delta} with the member changes since. Tokens expire after
 * 7 days ({@code syncStateNotFound}); after {@link EmulatedTenant#forceDeltaResync()} older tokens get 410 Gone.
 */
final class DeltaQuery {
    /** notes §3: "Tokens live 7 days for directory objects." */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;

    private DeltaQuery() {}

    /** The decoded state behind a token: from where, up to where, after which id, with which select. */
    record State(long since, long upto, String after, String select, long issued, int epoch, boolean first) {}

    static GraphResponse handle(GraphRequest req, Kind kind, TenantDirectory dir, int epoch) {
        Instant now = dir.now();
        State state;
        String deltaToken = req.query().get("$deltatoken");
        String skipToken = req.query().get("$skiptoken");
        synchronized (dir) {
            if ("latest".equals(deltaToken)) {
                // notes §3: "?$deltatoken=latest skips it and returns only a deltaLink".
                State latest = new State(dir.log.current(), 0, "", selectOf(req), now.getEpochSecond(), epoch, false);
                ObjectNode body = envelope(kind);
                body.putArray("value");
                body.put("@odata.deltaLink", link(req, "$deltatoken", latest));
                return GraphResponse.of(200, body);
            }
            if (deltaToken != null || skipToken != null) {
                state = decode(deltaToken != null ? deltaToken : skipToken, now, epoch, req, kind);
                if (deltaToken != null) {
                    state = new State(state.since, dir.log.current(), "", state.select, state.issued, epoch, false);
                }
            } else {
                state = new State(0, dir.log.current(), "", selectOf(req), now.getEpochSecond(), epoch, true);
            }
            return page(req, kind, dir, state, now);
        }
    }

    private static GraphResponse page(GraphRequest req, Kind kind, TenantDirectory dir, State s, Instant now) {
        Set<String> select = Representation.select(Map.of("$select", s.select));
        boolean members = kind == Kind.GROUP && (select.isEmpty() || select.contains("members"));
        TreeMap<String, ObjectNode> entries = new TreeMap<>();
        for (StoredObject o : s.first ? dir.list(kind) : dir.changedSince(kind, s.since)) {
            if (o.changeSeq <= s.upto || s.first) {
                ObjectNode n = Representation.object(o, select, false);
                if (members) {
                    memberDelta(dir, o, s).ifPresent(a -> n.set("members@delta", a));
                }
                entries.put(o.id, n);
            }
        }
        for (ChangeLog.Removal r : dir.log.removals) {
            if (r.kind() == kind
                    && r.seq() > s.since
                    && r.seq() <= s.upto
                    && !entries.containsKey(r.id())
                    && dir.find(r.id()).isEmpty()) {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("id", r.id());
                n.putObject("@removed").put("reason", r.permanent() ? "deleted" : "changed");
                entries.put(r.id(), n);
            }
        }
        List<Map.Entry<String, ObjectNode>> rest =
                entries.tailMap(s.after, false).entrySet().stream().toList();
        ObjectNode body = envelope(kind);
        ArrayNode value = body.putArray("value");
        rest.stream().limit(PAGE).forEach(e -> value.add(e.getValue()));
        if (rest.size() > PAGE) {
            State next = new State(s.since, s.upto, rest.get(PAGE - 1).getKey(), s.select, s.issued, s.epoch, s.first);
            body.put("@odata.nextLink", link(req, "$skiptoken", next));
        } else {
            State done = new State(s.upto, 0, "", s.select, now.getEpochSecond(), s.epoch, false);
            body.put("@odata.deltaLink", link(req, "$deltatoken", done));
        }
        return GraphResponse.of(200, body);
    }

    /** notes §3 "members@delta entries are @odata.type + id; a member removed carries @removed". */
    private static java.util.Optional<ArrayNode> memberDelta(TenantDirectory dir, StoredObject g, State s) {
        Map<String, Boolean> net = new LinkedHashMap<>();
        if (s.first) {
            dir.members(g.id).forEach(m -> net.put(m.id, true));
        } else {
            for (ChangeLog.MemberChange c : dir.log.memberChanges) {
                if (c.groupId().equals(g.id) && c.seq() > s.since && c.seq() <= s.upto) {
                    net.put(c.memberId(), c.added());
                }
            }
        }
        if (net.isEmpty()) {
            return java.util.Optional.empty();
        }
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        net.forEach((id, added) -> {
            ObjectNode m = a.addObject();
            dir.find(id).ifPresent(o -> m.put("@odata.type", o.kind.odataType));
            m.put("id", id);
            if (!added || dir.find(id).isEmpty()) {
                m.putObject("@removed").put("reason", "deleted");
            }
        });
        return java.util.Optional.of(a);
    }

    private static ObjectNode envelope(Kind kind) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", Representation.METADATA + kind.collection + "/delta");
        return body;
    }

    private static String selectOf(GraphRequest req) {
        return req.query().getOrDefault("$select", "");
    }

    private static String link(GraphRequest req, String option, State s) {
        ObjectNode n = JSON.valueToTree(s);
        String root = req.serviceRoot() + req.path();
        return root + "?" + option + "=" + Representation.encode(n.toString());
    }

    private static State decode(String token, Instant now, int epoch, GraphRequest req, Kind kind) {
        State s;
        try {
            JsonNode n = JSON.readTree(Representation.decode(token));
            s = JSON.treeToValue(n, State.class);
        } catch (IOException | RuntimeException e) {
            throw new GraphException(400, "syncStateInvalid", "The delta token is invalid.");
        }
        if (s.epoch != epoch) {
            // notes §3: "Forced reset: 410 Gone + Location header with an empty $deltaToken".
            throw new GraphException(410, "resyncRequired", "A full resynchronization is required.")
                    .header("Location", req.serviceRoot() + "/" + kind.collection + "/delta?$deltatoken=");
        }
        if (Instant.ofEpochSecond(s.issued).plus(TOKEN_LIFETIME).isBefore(now)) {
            throw new GraphException(400, "syncStateNotFound", "The sync state for this delta token has expired.");
        }
        return s;
    }
}
