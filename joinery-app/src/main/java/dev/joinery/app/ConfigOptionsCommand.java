package dev.joinery.app;

import dev.joinery.app.config.ConfigRendering;
import dev.joinery.app.config.ConnectorKinds;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joinery config options}: every option of joinery.yaml, from the one definition of each. */
@Command(
        name = "options",
        description = {
            "Prints every option of joinery.yaml: the global ones, those of every connector, and each installed"
                    + " connector kind's, with name, type, default and description.",
            "JSON output (--json): an array of objects with name, scope (global or connector), kind, type, required,"
                    + " secret, default, values, expected and description."
        })
final class ConfigOptionsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Prints a JSON array.")
    private boolean json;

    @Override
    public Integer call() {
        ConnectorKinds kinds = ConnectorKinds.discover();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ConfigCommand.json(ConfigRendering.options(kinds)) : ConfigRendering.optionsTable(kinds));
        out.flush();
        return ExitCodes.OK;
    }
}
