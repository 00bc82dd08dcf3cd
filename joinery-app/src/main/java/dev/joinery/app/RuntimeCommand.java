package dev.joinery.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joinery.app.config.ConfigException;
import dev.joinery.app.config.ConfigLoader;
import dev.joinery.app.config.ConnectorKinds;
import dev.joinery.app.config.JoineryConfig;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.engine.rules.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command over a configuration's store, connectors and rules: loads {@code joinery.yaml} and the rules (exiting 2
 * with every problem as FILE:LINE:COLUMN when they are not valid), then runs {@link #run(SyncRuntime)}.
 */
abstract class RuntimeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = "joinery.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE} in the current folder).")
    Path file;

    @Option(names = "--json", description = "Prints one JSON document instead of text.")
    boolean json;

    /** Whether the command runs steps and so needs the connectors' schemas. */
    boolean discoverSchemas() {
        return false;
    }

    abstract int run(SyncRuntime runtime);

    @Override
    public final Integer call() {
        Joinery joinery = (Joinery) spec.root().userObject();
        ConnectorKinds kinds = ConnectorKinds.discover();
        JoineryConfig config;
        try {
            config = new ConfigLoader(kinds, joinery.environment()).load(file);
        } catch (ConfigException e) {
            ConfigCommand.printProblems(spec, file, e.problems());
            return ExitCodes.INVALID_CONFIG;
        }
        SyncRuntime runtime;
        try {
            runtime = SyncRuntime.open(
                    config, kind -> kinds.find(kind).orElseThrow(), joinery.stores(), discoverSchemas());
        } catch (SyncRuntime.RulesException e) {
            PrintWriter err = spec.commandLine().getErr();
            for (Problem p : e.problems()) {
                err.println(p);
            }
            err.println(config.rules() + ": " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
            err.flush();
            return ExitCodes.INVALID_CONFIG;
        }
        try (runtime) {
            return run(runtime);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(JsonNode node) {
        out().print(ConfigCommand.json(node));
        out().flush();
    }

    /** The configured connector named (ignoring case) {@code name}, or null after printing that there is none. */
    String connector(SyncRuntime runtime, String name) {
        return runtime.connectorName(name).orElseGet(() -> {
            err().println("no connector named '" + name + "' in "
                    + runtime.config().file() + "; configured: "
                    + runtime.config().connectors().stream()
                            .map(JoineryConfig.Connector::name)
                            .toList());
            err().flush();
            return null;
        });
    }
}
