package dev.joinery.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.sync.Preview;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code joinery preview}: what a full synchronization of one object would do, committing nothing. */
@Command(
        name = "preview",
        description = {
            "Previews a full synchronization of one connector-space object without committing anything: every rule's"
                    + " scope and why, the join, every flow with its value and whether it won, the metaverse object"
                    + " it would give, and the pending exports that would result.",
            "Exits 8 when the connector space has no object with that DN."
        })
final class PreviewCommand extends RuntimeCommand {
    @Option(names = "--connector", paramLabel = "NAME", required = true, description = "The connector.")
    String connector;

    @Option(names = "--dn", paramLabel = "DN", required = true, description = "The object's DN in the connector space.")
    String dn;

    @Override
    int run(SyncRuntime runtime) {
        String name = connector(runtime, connector);
        if (name == null) {
            return ExitCodes.NOT_FOUND;
        }
        if (runtime.read(tx -> tx.csByDn(name, dn)).isEmpty()) {
            err().println("no object " + dn + " in the connector space of " + name);
            err().flush();
            return ExitCodes.NOT_FOUND;
        }
        Preview p = runtime.engine().preview(name, dn);
        ObjectNode o = toJson(p);
        if (json) {
            printJson(o);
        } else {
            print(out(), p);
        }
        return ExitCodes.OK;
    }

    static ObjectNode toJson(Preview p) {
        ObjectNode o = ConfigCommand.JSON.createObjectNode();
        o.set("object", ObjectRendering.cs(p.object(), java.util.Optional.empty()));
        ArrayNode scopes = o.putArray("scopes");
        for (Preview.RuleScope s : p.scopes()) {
            ObjectNode n = scopes.addObject();
            n.put("rule", s.rule());
            n.put("direction", s.direction().name());
            n.put("object", s.object());
            n.put("inScope", s.inScope());
            n.put("reason", s.reason());
        }
        ArrayNode join = o.putArray("join");
        p.join().forEach(join::add);
        ArrayNode flows = o.putArray("flows");
        for (Preview.Flow f : p.flows()) {
            ObjectNode n = flows.addObject();
            n.put("rule", f.rule());
            n.put("object", f.object());
            n.put("attribute", f.attribute());
            n.put("value", f.value());
            n.put("won", f.won());
        }
        if (p.metaverse() == null) {
            o.putNull("metaverse");
        } else {
            ObjectNode mv = o.putObject("metaverse");
            mv.put("id", p.metaverse().id().toString());
            mv.put("objectType", p.metaverse().objectType());
            mv.set("attributes", ObjectRendering.attributes(p.metaverse().valueMap()));
        }
        ArrayNode exports = o.putArray("pendingExports");
        for (PendingExport e : p.pendingExports()) {
            exports.add(ObjectRendering.pendingExport(e));
        }
        ArrayNode errors = o.putArray("errors");
        for (ObjectError e : p.errors()) {
            errors.add(ObjectRendering.error(e));
        }
        return o;
    }

    private static void print(PrintWriter out, Preview p) {
        out.println("Preview of " + p.object() + " (nothing committed)");
        out.println("Scope:");
        for (Preview.RuleScope s : p.scopes()) {
            out.println("  " + (s.inScope() ? "in scope     " : "not in scope ") + s.rule() + " (" + s.object() + "): "
                    + s.reason());
        }
        out.println("Join:");
        p.join().forEach(j -> out.println("  " + j));
        out.println("Flows:");
        for (Preview.Flow f : p.flows()) {
            out.println("  " + (f.won() ? "won  " : "lost ") + f.attribute() + " = " + f.value() + "  [" + f.rule()
                    + ", " + f.object() + "]");
        }
        if (p.metaverse() != null) {
            out.println("Metaverse object " + p.metaverse().id() + " ("
                    + p.metaverse().objectType() + ")");
        }
        out.println("Pending exports:");
        for (PendingExport e : p.pendingExports()) {
            out.println("  " + e.connector() + " " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.dn()
                    + (e.newDn() == null ? "" : " -> " + e.newDn()));
            e.changes()
                    .forEach(c -> out.println("    " + c.operation().name().toLowerCase(java.util.Locale.ROOT) + " "
                            + c.name() + " "
                            + c.values().stream().map(ObjectRendering::text).toList()));
        }
        if (!p.errors().isEmpty()) {
            out.println("Errors:");
            p.errors().forEach(e -> out.println("  " + e));
        }
        out.flush();
    }
}
