package dev.joinery.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code joinery emulator}: local stand-ins for cloud directories, for demos and tests. */
@Command(
        name = "emulator",
        description = "Runs a local emulator of a cloud directory in the foreground.",
        synopsisSubcommandLabel = "KIND",
        subcommands = {EmulatorGraphCommand.class})
public final class EmulatorCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required emulator kind (graph)");
    }
}
