package dev.joinery.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.app.config.ConfigException;
import dev.joinery.app.config.ConfigRendering;
import dev.joinery.app.config.JoineryConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code joinery config show}: the effective configuration, defaults filled in, secrets as references. */
@Command(
        name = "show",
        description = {
            "Prints the effective configuration: joinery.yaml with every default filled in, paths made absolute, and"
                    + " secrets shown as their references (${env:NAME}, ${file:PATH}), never their values.",
            "Exits 2, printing the problems, when the file is not valid."
        })
final class ConfigShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ConfigCommand parent;

    @Mixin
    private ConfigCommand.FileOption file;

    @Option(names = "--json", description = "Prints one JSON object instead of YAML.")
    private boolean json;

    @Override
    public Integer call() {
        JoineryConfig config;
        try {
            config = parent.loader().load(file.file);
        } catch (ConfigException e) {
            ConfigCommand.printProblems(spec, file.file, e.problems());
            return ExitCodes.INVALID_CONFIG;
        }
        ObjectNode effective = ConfigRendering.effective(config);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(ConfigCommand.json(effective));
        } else {
            out.println(
                    "# Effective configuration of " + config.file() + ": defaults filled in, secrets as references.");
            out.print(ConfigCommand.yaml(effective));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
