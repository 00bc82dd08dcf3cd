package dev.joinery.app;

import picocli.CommandLine.Command;

/** {@code joinery synchronize}: one run profile on one connector. */
@Command(
        name = "synchronize",
        description = {"Runs a Full or, by default, a Delta Synchronization of one connector.", RunProfileCommand.EXITS
        })
final class SynchronizeCommand extends RunProfileCommand {
    SynchronizeCommand() {
        super(Kind.SYNCHRONIZE);
    }
}
