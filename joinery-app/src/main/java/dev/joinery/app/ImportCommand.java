package dev.joinery.app;

import picocli.CommandLine.Command;

/** {@code joinery import}: one run profile on one connector. */
@Command(
        name = "import",
        description = {
            "Runs a Full Import or, by default, a Delta Import (a full one when no watermark is saved) of one connector.",
            RunProfileCommand.EXITS
        })
final class ImportCommand extends RunProfileCommand {
    ImportCommand() {
        super(Kind.IMPORT);
    }
}
