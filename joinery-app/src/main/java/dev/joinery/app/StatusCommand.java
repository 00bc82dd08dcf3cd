package dev.joinery.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.app.config.JoineryConfig;
import dev.joinery.app.run.RunSummary;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.engine.model.RunRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code joinery status}: last runs, objects and pending exports per connector, staging mode. */
@Command(
        name = "status",
        description = "Shows, per connector, its last runs, its connector-space size and its pending exports; the"
                + " metaverse size; and whether staging mode is on.")
final class StatusCommand extends RuntimeCommand {
    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "Last runs shown per connector (default ${DEFAULT-VALUE}).")
    int last;

    @Override
    int run(SyncRuntime runtime) {
        ObjectNode root = ConfigCommand.JSON.createObjectNode();
        root.put("stagingMode", runtime.settings().stagingMode());
        root.put("deletionThreshold", runtime.settings().deletionThreshold().describe());
        root.put("errorLimit", runtime.settings().errorLimit());
        root.put("store", runtime.config().store().type());
        root.put("metaverseObjects", (int) runtime.read(tx -> tx.mvCount()));
        ArrayNode connectors = root.putArray("connectors");
        for (JoineryConfig.Connector c : runtime.config().connectors()) {
            ObjectNode n = connectors.addObject();
            n.put("name", c.name());
            n.put("kind", c.kind());
            n.put("objects", (int) runtime.read(tx -> tx.csCount(c.name())));
            int pending = runtime.read(tx -> tx.pendingExports(c.name()).size());
            n.put("pendingExports", pending);
            List<RunRecord> runs = runtime.read(tx -> tx.runs(c.name()));
            ArrayNode list = n.putArray("lastRuns");
            runs.subList(Math.max(0, runs.size() - last), runs.size()).stream()
                    .map(r -> RunSummary.runJson(ConfigCommand.JSON, r))
                    .forEach(list::add);
        }
        if (json) {
            printJson(root);
            return ExitCodes.OK;
        }
        var out = out();
        out.println("staging mode: " + (runtime.settings().stagingMode() ? "on (exports are held)" : "off")
                + "; deletion threshold: "
                + runtime.settings().deletionThreshold().describe() + "; error limit: "
                + runtime.settings().errorLimit());
        out.println("metaverse: " + root.get("metaverseObjects").asInt() + " objects");
        for (var n : connectors) {
            out.println(n.get("name").asText() + " (" + n.get("kind").asText() + "): "
                    + n.get("objects").asInt() + " objects, "
                    + n.get("pendingExports").asInt() + " pending exports");
            if (n.get("lastRuns").isEmpty()) {
                out.println("  no runs yet");
            }
            for (var r : n.get("lastRuns")) {
                out.println("  " + r.get("start").asText() + "  "
                        + r.get("step").asText() + "  " + r.get("status").asText() + "  " + r.get("counts") + "  run "
                        + r.get("id").asText());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
