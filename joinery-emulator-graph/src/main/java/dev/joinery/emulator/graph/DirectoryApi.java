package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Routes one Graph v1.0 call to the tenant's directory (notes §5 "Writes and response codes"). Transport-free:
 * the HTTP layer and {@code $batch} both call {@link #handle(GraphRequest)}.
 */
final class DirectoryApi {
    private final Function<String, TenantDirectory> tenants;
    private final Function<String, Integer> deltaEpochs;

    DirectoryApi(Function<String, TenantDirectory> tenants, Function<String, Integer> deltaEpochs) {
        this.tenants = tenants;
        this.deltaEpochs = deltaEpochs;
    }

    GraphResponse handle(GraphRequest req) {
        TenantDirectory dir = tenants.apply(req.caller().tenant());
        List<String> seg =
                Arrays.stream(req.path().split("/")).filter(s -> !s.isEmpty()).toList();
        if (seg.isEmpty()) {
            throw notSupported(req);
        }
        if (seg.get(0).equals("directory") && seg.size() >= 2 && seg.get(1).equals("deletedItems")) {
            return deletedItems(req, dir, seg.subList(2, seg.size()));
        }
        if (seg.get(0).equals("directoryObjects")
                && seg.size() == 2
                && req.method().equals("GET")) {
            StoredObject o = dir.find(seg.get(1)).orElseThrow(() -> GraphException.notFound(seg.get(1)));
            return GraphResponse.of(200, Representation.object(o, Representation.select(req.query()), true));
        }
        Optional<Kind> kind = Kind.byCollection(seg.get(0));
        if (kind.isEmpty()) {
            throw notSupported(req);
        }
        Kind k = kind.get();
        if (seg.size() == 1) {
            return collection(req, dir, k);
        }
        if (seg.size() == 2 && (seg.get(1).equals("delta") || seg.get(1).equals("microsoft.graph.delta"))) {
            requireMethod(req, "GET");
            return DeltaQuery.handle(req, k, dir, deltaEpochs.apply(dir.name));
        }
        if (seg.size() == 2) {
            return single(req, dir, k, seg.get(1));
        }
        if (k == Kind.GROUP && seg.get(2).equals("members")) {
            return members(req, dir, seg.get(1), seg.subList(3, seg.size()));
        }
        throw notSupported(req);
    }

    private GraphResponse collection(GraphRequest req, TenantDirectory dir, Kind k) {
        switch (req.method()) {
            case "GET":
                return GraphResponse.of(200, Representation.page(req, k.collection, dir.list(k), false));
            case "POST":
                if (k == Kind.CONTACT) {
                    // notes §1.5: orgContacts are read-only in Microsoft Graph.
                    throw methodNotAllowed(req);
                }
                if (k == Kind.DEVICE) {
                    // notes §5 "Create device": application permission not supported.
                    throw new GraphException(
                            403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
                }
                StoredObject o = dir.create(k, body(req), true);
                return GraphResponse.of(201, Representation.object(o, java.util.Set.of(), false));
            default:
                throw methodNotAllowed(req);
        }
    }

    private GraphResponse single(GraphRequest req, TenantDirectory dir, Kind k, String id) {
        switch (req.method()) {
            case "GET":
                return GraphResponse.of(
                        200, Representation.object(dir.require(k, id), Representation.select(req.query()), false));
            case "PATCH":
                if (k == Kind.CONTACT) {
                    throw methodNotAllowed(req);
                }
                dir.update(k, id, body(req), true);
                return GraphResponse.noContent();
            case "DELETE":
                if (k == Kind.CONTACT || k == Kind.DEVICE) {
                    throw k == Kind.CONTACT
                            ? methodNotAllowed(req)
                            : new GraphException(
                                    403,
                                    "Authorization_RequestDenied",
                                    "Insufficient privileges to complete the operation.");
                }
                dir.delete(k, id);
                return GraphResponse.noContent();
            default:
                throw methodNotAllowed(req);
        }
    }

    /** notes §5: add with {@code POST .../members/$ref}; remove with {@code DELETE .../members/{id}/$ref}. */
    private GraphResponse members(GraphRequest req, TenantDirectory dir, String groupId, List<String> rest) {
        if (rest.isEmpty() && req.method().equals("GET")) {
            List<StoredObject> members = dir.members(groupId);
            return GraphResponse.of(200, Representation.page(req, "directoryObjects", members, true));
        }
        if (rest.size() == 1 && rest.get(0).equals("$ref") && req.method().equals("POST")) {
            String ref = body(req).path("@odata.id").asText("");
            String memberId = ref.substring(ref.lastIndexOf('/') + 1);
            if (memberId.isEmpty()) {
                throw GraphException.badRequest("Invalid URL format specified in @odata.id.");
            }
            dir.addMember(groupId, memberId, true);
            return GraphResponse.noContent();
        }
        if (rest.size() == 2 && rest.get(1).equals("$ref") && req.method().equals("DELETE")) {
            dir.removeMember(groupId, rest.get(0));
            return GraphResponse.noContent();
        }
        if (rest.size() == 1 && req.method().equals("DELETE")) {
            // notes §5 "Missing /$ref deletes the object": the member itself goes.
            dir.require(Kind.GROUP, groupId);
            StoredObject m = dir.find(rest.get(0)).orElseThrow(() -> GraphException.notFound(rest.get(0)));
            dir.delete(m.kind, m.id);
            return GraphResponse.noContent();
        }
        throw notSupported(req);
    }

    /** notes §5: list needs the type cast; get, restore ({@code 200} + object), permanent delete. */
    private GraphResponse deletedItems(GraphRequest req, TenantDirectory dir, List<String> rest) {
        if (rest.size() == 1 && req.method().equals("GET") && rest.get(0).startsWith("microsoft.graph.")) {
            Kind k = Kind.byName(rest.get(0)).orElseThrow(() -> notSupported(req));
            return GraphResponse.of(200, Representation.page(req, "directoryObjects", dir.deleted(k), true));
        }
        if (rest.isEmpty()) {
            throw GraphException.badRequest("The type cast (for example microsoft.graph.user) is required.");
        }
        String id = rest.get(0);
        if (rest.size() == 1 && req.method().equals("GET")) {
            return GraphResponse.of(200, Representation.object(dir.deletedItem(id), java.util.Set.of(), true));
        }
        if (rest.size() == 1 && req.method().equals("DELETE")) {
            dir.purge(id);
            return GraphResponse.noContent();
        }
        if (rest.size() == 2 && rest.get(1).equals("restore") && req.method().equals("POST")) {
            return GraphResponse.of(200, Representation.object(dir.restore(id), java.util.Set.of(), true));
        }
        throw notSupported(req);
    }

    private static ObjectNode body(GraphRequest req) {
        JsonNode b = req.body();
        if (b == null || !b.isObject()) {
            throw GraphException.badRequest("Empty Payload. JSON content expected.");
        }
        return (ObjectNode) b;
    }

    private static void requireMethod(GraphRequest req, String method) {
        if (!req.method().equals(method)) {
            throw methodNotAllowed(req);
        }
    }

    private static GraphException methodNotAllowed(GraphRequest req) {
        return new GraphException(
                405,
                "Request_BadRequest",
                "The requested method " + req.method() + " is not allowed on " + req.path() + ".");
    }

    private static GraphException notSupported(GraphRequest req) {
        return new GraphException(400, "Request_BadRequest", "Unsupported resource path " + req.path() + ".");
    }
}
