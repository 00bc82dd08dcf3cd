package dev.joinery.app;

import dev.joinery.app.run.CycleRunner;
import dev.joinery.app.run.RunSummary;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStep;
import java.util.List;
import picocli.CommandLine.Option;

/** The commands that run one run profile on one connector: {@code import}, {@code synchronize}, {@code export}. */
abstract class RunProfileCommand extends RuntimeCommand {
    static final String EXITS = "Prints the summary; exits 3 (deletion threshold), 4 (error limit), 5 (connector"
            + " failed), 6 (export held by staging mode) or 7 (object errors) when that happened.";

    enum Kind {
        IMPORT,
        SYNCHRONIZE,
        EXPORT
    }

    private final Kind kind;

    @Option(names = "--connector", paramLabel = "NAME", required = true, description = "The connector.")
    String connector;

    @Option(names = "--full", description = "The full run profile instead of the delta one.")
    boolean full;

    RunProfileCommand(Kind kind) {
        this.kind = kind;
    }

    @Override
    boolean discoverSchemas() {
        return true;
    }

    @Override
    int run(SyncRuntime runtime) {
        String name = connector(runtime, connector);
        if (name == null) {
            return ExitCodes.NOT_FOUND;
        }
        RunStep step =
                switch (kind) {
                    case IMPORT -> full ? RunStep.FULL_IMPORT : RunStep.DELTA_IMPORT;
                    case SYNCHRONIZE -> full ? RunStep.FULL_SYNC : RunStep.DELTA_SYNC;
                    case EXPORT -> RunStep.EXPORT;
                };
        CycleRunner runner = new CycleRunner(runtime).progress(SyncCommand.progress(json, err()));
        RunRecord r;
        try {
            r = runner.step(name, step);
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage());
            err().flush();
            return ExitCodes.USAGE;
        }
        return SyncCommand.report(this, new RunSummary(List.of(r), runtime.settings()), kind == Kind.EXPORT);
    }
}
