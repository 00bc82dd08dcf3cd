package dev.joinery.connector.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Applies exports: {@code POST} for an add, {@code PATCH} for a modify or a rename (a new {@code userName} or
 * group {@code displayName}), {@code DELETE} for a delete. Membership changes are {@code add} and {@code remove}
 * operations on single members ({@code members[value eq "id"]}), never a replace of the member list; a REPLACE or
 * CLEAR of members is read first and sent as the difference. Referenced DNs are resolved to ids by filter, once
 * per batch. Used from one thread at a time.
 */
final class ScimExporter {
    private static final Logger LOG = Logger.getLogger(ScimExporter.class.getName());
    private final ScimClient client;
    private final ScimImporter lookups;

    ScimExporter(ScimClient client, ScimImporter lookups) {
        this.client = client;
        this.lookups = lookups;
    }

    List<ExportResult> export(List<ExportChange> batch) {
        Map<String, String> ids = new HashMap<>();
        List<ExportResult> results = new ArrayList<>(batch.size());
        for (ExportChange change : batch) {
            ExportResult result;
            try {
                result = ExportResult.applied(apply(change, ids));
            } catch (ConnectorException e) {
                if (e.code() == ConnectorError.Code.NETWORK) {
                    throw e;
                }
                result = ExportResult.failed(e.error());
            }
            ExportResult r = result;
            LOG.fine(() -> "SCIM export " + change.getClass().getSimpleName() + " " + change.dn() + ": "
                    + (r.isApplied()
                            ? "applied " + r.anchor()
                            : r.error().code() + " " + r.error().message()));
            results.add(result);
        }
        return results;
    }

    private Anchor apply(ExportChange change, Map<String, String> ids) {
        if (change instanceof ExportChange.Add add) {
            return add(add, ids);
        }
        if (change instanceof ExportChange.Modify modify) {
            return modify(modify, ids);
        }
        if (change instanceof ExportChange.Rename rename) {
            return rename(rename);
        }
        ExportChange.Delete delete = (ExportChange.Delete) change;
        ScimResourceType type = typeOfDn(delete.dn());
        client.call("DELETE", type.endpoint + "/" + delete.anchor(), null, "delete " + delete.dn(), List.of(), null);
        return delete.anchor();
    }

    private Anchor add(ExportChange.Add add, Map<String, String> ids) {
        ScimResourceType type = ScimResourceType.ofObjectType(add.objectType())
                .orElseThrow(() -> violation(null, "no SCIM resource type " + add.objectType()));
        if (ScimResourceType.ofDn(add.dn()).orElse(null) != type) {
            throw violation(null, add.dn() + " is not a DN of a " + type.objectType + " (" + type.dnPrefix() + "...)");
        }
        JsonNode body;
        try {
            body = type.createBody(add.dn(), add.attributes(), dn -> idOf(dn, ids));
        } catch (ScimResourceType.UnknownAttributeException e) {
            throw violation(e.attribute, e.getMessage());
        }
        Set<String> sent = new LinkedHashSet<>(add.attributes().keySet());
        sent.add(type.naming);
        JsonNode created = client.call("POST", type.endpoint, body, "add " + add.dn(), sent, type.naming);
        String id = created.path("id").asText("");
        if (id.isEmpty()) {
            throw new ConnectorException(
                    ConnectorError.of(ConnectorError.Code.OTHER, "add " + add.dn() + ": the service returned no id"));
        }
        ids.put(key(add.dn()), id);
        return Anchor.of(id);
    }

    private Anchor modify(ExportChange.Modify modify, Map<String, String> ids) {
        ScimResourceType type = typeOfDn(modify.dn());
        List<PatchOperation> ops = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (AttributeChange c : modify.changes()) {
            ScimAttribute a = type.attribute(c.name())
                    .orElseThrow(
                            () -> violation(c.name(), c.name() + " is not an attribute of SCIM " + type.objectType));
            sent.add(a.name());
            if (a.kind() == ScimAttribute.Kind.MEMBERS) {
                members(type, modify.anchor(), c, ops, ids);
            } else if (c.operation() == AttributeChange.Operation.CLEAR
                    || c.operation() == AttributeChange.Operation.DELETE
                    || c.values().isEmpty()) {
                ops.add(PatchOperation.remove(a.path()));
            } else {
                ops.add(PatchOperation.replace(a.path(), a.patchValue(c.values().get(0), dn -> idOf(dn, ids))));
            }
        }
        if (!ops.isEmpty()) {
            patch(type, modify.anchor(), ops, "modify " + modify.dn(), sent);
        }
        return modify.anchor();
    }

    private void members(
            ScimResourceType type, Anchor group, AttributeChange c, List<PatchOperation> ops, Map<String, String> ids) {
        Set<String> add = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        for (AttributeValue v : c.values()) {
            (c.operation() == AttributeChange.Operation.DELETE ? remove : add).add(idOf(v.toString(), ids));
        }
        if (c.operation() == AttributeChange.Operation.REPLACE || c.operation() == AttributeChange.Operation.CLEAR) {
            JsonNode current =
                    client.get(type.endpoint + "/" + group + "?attributes=members", "read members of " + group);
            Set<String> held = new LinkedHashSet<>();
            current.path(ScimResourceType.MEMBERS)
                    .forEach(m -> held.add(m.path("value").asText()));
            for (String id : held) {
                if (!add.remove(id)) {
                    remove.add(id);
                }
            }
        }
        if (!add.isEmpty()) {
            ArrayNode refs = ScimClient.JSON.createArrayNode();
            add.forEach(id -> refs.add(ScimAttribute.ref(id)));
            ops.add(PatchOperation.add(Path.root().attribute(ScimResourceType.MEMBERS), refs));
        }
        for (String id : remove) {
            ops.add(PatchOperation.remove(Path.root()
                    .attribute(
                            ScimResourceType.MEMBERS,
                            Filter.eq(Path.root().attribute("value"), TextNode.valueOf(id)))));
        }
    }

    private Anchor rename(ExportChange.Rename rename) {
        ScimResourceType type = typeOfDn(rename.dn());
        if (ScimResourceType.ofDn(rename.newDn()).orElse(null) != type) {
            throw violation(null, rename.newDn() + " is not a DN of a " + type.objectType);
        }
        PatchOperation op = PatchOperation.replace(
                Path.root().attribute(type.naming), TextNode.valueOf(type.namingValue(rename.newDn())));
        patch(
                type,
                rename.anchor(),
                List.of(op),
                "rename " + rename.dn() + " to " + rename.newDn(),
                List.of(type.naming));
        return rename.anchor();
    }

    private void patch(ScimResourceType type, Anchor anchor, List<PatchOperation> ops, String what, List<String> sent) {
        JsonNode body = ScimClient.JSON.valueToTree(new PatchRequest(ops));
        client.call("PATCH", type.endpoint + "/" + anchor, body, what, sent, type.naming);
    }

    /** The id of the object a DN names, by a filter on its naming attribute; cached for the batch. */
    private String idOf(String dn, Map<String, String> ids) {
        String cached = ids.get(key(dn));
        if (cached != null) {
            return cached;
        }
        ScimResourceType type = typeOfDn(dn);
        ScimAttribute naming = type.attribute(type.naming).orElseThrow();
        List<String> found = new ArrayList<>();
        lookups.find(type, naming, type.namingValue(dn))
                .forEach(o -> found.add(o.anchor().value()));
        if (found.size() != 1) {
            throw new ConnectorException(ConnectorError.of(
                    found.isEmpty() ? ConnectorError.Code.NOT_FOUND : ConnectorError.Code.CONFLICT,
                    "referenced " + dn + (found.isEmpty() ? " does not exist" : " is ambiguous")));
        }
        ids.put(key(dn), found.get(0));
        return found.get(0);
    }

    private static ScimResourceType typeOfDn(String dn) {
        return ScimResourceType.ofDn(dn)
                .orElseThrow(
                        () -> violation(null, dn + " is not a SCIM DN (Users/<userName> or Groups/<displayName>)"));
    }

    private static String key(String dn) {
        return dn.toLowerCase(Locale.ROOT);
    }

    private static ConnectorException violation(String attribute, String message) {
        return new ConnectorException(
                attribute == null
                        ? ConnectorError.of(ConnectorError.Code.CONSTRAINT_VIOLATION, message)
                        : ConnectorError.onAttribute(ConnectorError.Code.CONSTRAINT_VIOLATION, attribute, message));
    }
}
