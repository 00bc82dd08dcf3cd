package dev.joinery.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvAttribute;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.store.SyncTransaction;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** How connector-space objects, metaverse objects, pending exports and errors are printed, as text and as JSON. */
final class ObjectRendering {
    private ObjectRendering() {}

    /** A value as text: binary as base64, references as their DN, timestamps ISO-8601. */
    static String text(AttributeValue v) {
        return v.toString();
    }

    static ArrayNode values(List<AttributeValue> values) {
        ArrayNode a = ConfigCommand.JSON.createArrayNode();
        values.forEach(v -> a.add(text(v)));
        return a;
    }

    static ObjectNode attributes(Map<String, List<AttributeValue>> attrs) {
        ObjectNode o = ConfigCommand.JSON.createObjectNode();
        new TreeMap<>(attrs).forEach((k, v) -> o.set(k, values(v)));
        return o;
    }

    static ObjectNode cs(CsObject cs, Optional<PendingExport> export) {
        ObjectNode o = ConfigCommand.JSON.createObjectNode();
        o.put("id", cs.id().toString());
        o.put("connector", cs.connector());
        o.put("dn", cs.dn());
        if (cs.anchor() == null) {
            o.putNull("anchor");
        } else {
            o.put("anchor", cs.anchor().value());
        }
        o.put("objectType", cs.objectType());
        o.put("pendingImport", lower(cs.pendingImport().name()));
        if (cs.link() == null) {
            o.putNull("link");
        } else {
            ObjectNode l = o.putObject("link");
            l.put("mvId", cs.link().mvId().toString());
            l.put("rule", cs.link().rule());
            l.put("kind", lower(cs.link().kind().name()));
        }
        o.set("attributes", attributes(cs.attributes()));
        if (export.isPresent()) {
            o.set("pendingExport", pendingExport(export.get()));
        } else {
            o.putNull("pendingExport");
        }
        return o;
    }

    static ObjectNode pendingExport(PendingExport p) {
        ObjectNode o = ConfigCommand.JSON.createObjectNode();
        o.put("connector", p.connector());
        o.put("dn", p.dn());
        o.put("objectType", p.objectType());
        o.put("kind", lower(p.kind().name()));
        if (p.newDn() == null) {
            o.putNull("newDn");
        } else {
            o.put("newDn", p.newDn());
        }
        ArrayNode changes = o.putArray("changes");
        for (AttributeChange c : p.changes()) {
            ObjectNode ch = changes.addObject();
            ch.put("attribute", c.name());
            ch.put("operation", lower(c.operation().name()));
            ch.set("values", values(c.values()));
        }
        o.put("attempts", p.attempts());
        if (p.lastError() == null) {
            o.putNull("lastError");
        } else {
            o.put("lastError", p.lastError().code() + ": " + p.lastError().message());
        }
        return o;
    }

    /** A metaverse object: each attribute with its values and the rule, connector and anchor that gave it; its links. */
    static ObjectNode mv(SyncTransaction tx, MvObject mv) {
        ObjectNode o = ConfigCommand.JSON.createObjectNode();
        o.put("id", mv.id().toString());
        o.put("objectType", mv.objectType());
        ObjectNode attrs = o.putObject("attributes");
        for (Map.Entry<String, MvAttribute> e : new TreeMap<>(mv.attributes()).entrySet()) {
            ObjectNode a = attrs.putObject(e.getKey());
            a.set("values", values(e.getValue().values()));
            a.put("rule", e.getValue().contributor().rule());
            a.put("connector", e.getValue().contributor().connector());
            if (e.getValue().contributor().anchor() == null) {
                a.putNull("anchor");
            } else {
                a.put("anchor", e.getValue().contributor().anchor().value());
            }
        }
        ArrayNode links = o.putArray("links");
        for (UUID id : tx.csLinkedTo(mv.id())) {
            tx.cs(id).ifPresent(cs -> {
                ObjectNode l = links.addObject();
                l.put("connector", cs.connector());
                l.put("dn", cs.dn());
                if (cs.anchor() == null) {
                    l.putNull("anchor");
                } else {
                    l.put("anchor", cs.anchor().value());
                }
                l.put("csId", cs.id().toString());
                l.put("rule", cs.link().rule());
                l.put("kind", lower(cs.link().kind().name()));
            });
        }
        return o;
    }

    static ObjectNode error(ObjectError e) {
        ObjectNode o = ConfigCommand.JSON.createObjectNode();
        o.put("runId", e.runId().toString());
        o.put("code", e.code().name());
        o.put("message", e.message());
        put(o, "connector", e.connector());
        put(o, "dn", e.dn());
        put(o, "csId", e.csId() == null ? null : e.csId().toString());
        put(o, "mvId", e.mvId() == null ? null : e.mvId().toString());
        put(o, "rule", e.rule());
        put(o, "attribute", e.attribute());
        return o;
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value == null) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    /** Prints a JSON object tree as indented "name: value" text. */
    static void printText(PrintWriter out, ObjectNode node, String indent) {
        node.fields().forEachRemaining(e -> {
            var v = e.getValue();
            if (v.isObject()) {
                out.println(indent + e.getKey() + ":");
                printText(out, (ObjectNode) v, indent + "  ");
            } else if (v.isArray()) {
                if (v.isEmpty()) {
                    out.println(indent + e.getKey() + ": []");
                }
                for (var item : v) {
                    if (item.isObject()) {
                        out.println(indent + e.getKey() + ":");
                        printText(out, (ObjectNode) item, indent + "  - ");
                    } else {
                        out.println(indent + e.getKey() + ": " + item.asText());
                    }
                }
            } else {
                out.println(indent + e.getKey() + ": " + (v.isNull() ? "-" : v.asText()));
            }
        });
        out.flush();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
