package dev.joinery.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code joinery errors}: the errors of one run, or of each connector's last run of every step. */
@Command(
        name = "errors",
        description = {
            "Lists run errors: of the run given with --run, or else of the latest run of each connector and step.",
            "Exits 8 when the run does not exist."
        })
final class ErrorsCommand extends RuntimeCommand {
    @Option(names = "--run", paramLabel = "ID", description = "The run (its id from status or the --json summary).")
    String run;

    @Override
    int run(SyncRuntime runtime) {
        List<RunRecord> runs = new ArrayList<>();
        if (run != null) {
            UUID id;
            try {
                id = UUID.fromString(run);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "not a run id: '" + run + "'");
            }
            Optional<RunRecord> r = runtime.read(tx -> tx.run(id));
            if (r.isEmpty()) {
                err().println("no run " + run);
                err().flush();
                return ExitCodes.NOT_FOUND;
            }
            runs.add(r.get());
        } else {
            List<RunRecord> all = runtime.read(tx -> tx.runs(null));
            java.util.Map<String, RunRecord> latest = new java.util.LinkedHashMap<>();
            all.forEach(r -> latest.put(r.connector() + "\u0000" + r.step(), r));
            runs.addAll(latest.values());
        }
        List<ObjectError> errors = runtime.read(
                tx -> runs.stream().flatMap(r -> tx.errors(r.id()).stream()).toList());
        if (json) {
            ArrayNode a = ConfigCommand.JSON.createArrayNode();
            errors.forEach(e -> a.add(ObjectRendering.error(e)));
            printJson(a);
        } else {
            if (errors.isEmpty()) {
                out().println("no errors");
            }
            errors.forEach(
                    e -> out().println(e.runId() + "  " + (e.connector() == null ? "" : e.connector() + "  ") + e));
            out().flush();
        }
        return ExitCodes.OK;
    }
}
