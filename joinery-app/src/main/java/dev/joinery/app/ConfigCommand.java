package dev.joinery.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.joinery.app.config.ConfigLoader;
import dev.joinery.app.config.ConfigProblem;
import dev.joinery.app.config.ConnectorKinds;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code joinery config}: the options {@code joinery.yaml} takes, and checking and showing one. */
@Command(
        name = "config",
        description = "Lists the options of joinery.yaml, validates a file, shows the effective configuration.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ConfigOptionsCommand.class, ConfigValidateCommand.class, ConfigShowCommand.class})
public final class ConfigCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Joinery joinery;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** A loader with the installed connector kinds and the command line's environment. */
    ConfigLoader loader() {
        return new ConfigLoader(ConnectorKinds.discover(), joinery.environment());
    }

    /** Prints {@code problems} to standard error, one per line, then how many there were. */
    static void printProblems(CommandSpec spec, Path file, List<ConfigProblem> problems) {
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(err::println);
        err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        err.flush();
    }

    static String json(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code --config FILE} option of the subcommands that read a file. */
    static final class FileOption {
        @Option(
                names = {"-c", "--config"},
                paramLabel = "FILE",
                defaultValue = "joinery.yaml",
                description = "The configuration file (default: ${DEFAULT-VALUE} in the current folder).")
        Path file;
    }
}
