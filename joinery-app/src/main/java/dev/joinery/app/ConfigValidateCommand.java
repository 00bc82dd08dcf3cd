package dev.joinery.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.app.config.ConfigProblem;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code joinery config validate}: every problem of a joinery.yaml, each at its line and column. */
@Command(
        name = "validate",
        description = {
            "Checks a joinery.yaml and prints every problem as FILE:LINE:COLUMN: OPTION: what was expected.",
            "Exits 0 when the file is valid, 2 when it has problems.",
            "JSON output (--json): {\"valid\": ..., \"problems\": [{file, line, column, path, message}]}."
        })
final class ConfigValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ConfigCommand parent;

    @Mixin
    private ConfigCommand.FileOption file;

    @Option(
            names = "--check-secrets",
            description = "Also resolves every secret reference (environment variables, files) and reports those that"
                    + " fail; values are read and discarded, never printed.")
    private boolean checkSecrets;

    @Option(names = "--json", description = "Prints the result as a JSON object.")
    private boolean json;

    @Override
    public Integer call() {
        List<ConfigProblem> problems = parent.loader().validate(file.file, checkSecrets);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode result = ConfigCommand.JSON.createObjectNode();
            result.put("file", file.file.toString());
            result.put("valid", problems.isEmpty());
            ArrayNode list = result.putArray("problems");
            for (ConfigProblem p : problems) {
                list.addObject()
                        .put("file", p.file().toString())
                        .put("line", p.line())
                        .put("column", p.column())
                        .put("path", p.path())
                        .put("message", p.message());
            }
            out.print(ConfigCommand.json(result));
        } else if (problems.isEmpty()) {
            out.println(file.file + ": valid");
        } else {
            ConfigCommand.printProblems(spec, file.file, problems);
        }
        out.flush();
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.INVALID_CONFIG;
    }
}
