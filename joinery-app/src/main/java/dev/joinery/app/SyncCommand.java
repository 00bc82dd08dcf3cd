package dev.joinery.app;

import dev.joinery.app.run.CycleRunner;
import dev.joinery.app.run.Progress;
import dev.joinery.app.run.RunSummary;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.engine.model.RunRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code joinery sync}: one sync cycle over every connector (or one connector's steps), then the summary. */
@Command(
        name = "sync",
        description = {
            "Runs a sync cycle: imports from every connector in order, synchronizations in order, exports in reverse"
                    + " order. The first cycle is an initial one (full import, full synchronization); later ones are"
                    + " delta cycles unless --full is given.",
            "Prints progress, then a summary per connector and step; exits 3 (deletion threshold), 4 (error limit),"
                    + " 5 (connector failed) or 7 (object errors) when that happened."
        })
final class SyncCommand extends RuntimeCommand {
    @Option(names = "--full", description = "Full import and full synchronization instead of delta steps.")
    boolean full;

    @Option(names = "--connector", paramLabel = "NAME", description = "Runs only this connector's steps.")
    String connector;

    @Override
    boolean discoverSchemas() {
        return true;
    }

    @Override
    int run(SyncRuntime runtime) {
        String only = null;
        if (connector != null) {
            only = connector(runtime, connector);
            if (only == null) {
                return ExitCodes.NOT_FOUND;
            }
        }
        CycleRunner runner = new CycleRunner(runtime).progress(progress(json, err()));
        boolean initial = full || !runner.hasRun();
        List<RunRecord> runs = runner.cycle(initial, only);
        return report(this, new RunSummary(runs, runtime.settings()), false);
    }

    /** Progress on standard error: a redrawn line on a terminal, plain lines otherwise, none with --json. */
    static Progress progress(boolean json, java.io.PrintWriter err) {
        if (json) {
            return Progress.NONE;
        }
        return Progress.console(err, System.console() != null);
    }

    static int report(RuntimeCommand command, RunSummary summary, boolean exportAsked) {
        if (command.json) {
            command.printJson(summary.toJson(ConfigCommand.JSON));
        } else {
            summary.print(command.out());
        }
        return summary.exitCode(exportAsked);
    }
}
