package dev.joinery.app;

import picocli.CommandLine.Command;

/** {@code joinery export}: one run profile on one connector. */
@Command(
        name = "export",
        description = {
            "Runs an Export of one connector's pending exports (--full is accepted and means the same).",
            RunProfileCommand.EXITS
        })
final class ExportCommand extends RunProfileCommand {
    ExportCommand() {
        super(Kind.EXPORT);
    }
}
