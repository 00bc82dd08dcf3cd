package dev.joinery.app;

import dev.joinery.app.run.StoreFactory;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code joinery} command: the entry point that holds every subcommand and maps failures to {@link ExitCodes}. */
@Command(
        name = "joinery",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = Joinery.Version.class,
        description = "Identity synchronization engine: directories joined into one metaverse by sync rules.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            DemoCommand.class,
            SyncCommand.class,
            ImportCommand.class,
            SynchronizeCommand.class,
            ExportCommand.class,
            CsCommand.class,
            MvCommand.class,
            PreviewCommand.class,
            StatusCommand.class,
            ErrorsCommand.class,
            ExprCommand.class,
            RulesCommand.class,
            ConfigCommand.class,
            EmulatorCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":Success.",
            ExitCodes.INTERNAL_ERROR + ":Unexpected internal failure.",
            ExitCodes.USAGE + ":Usage error, an expression that does not compile or fails,"
                    + " or a configuration file or sync rules with problems.",
            ExitCodes.DELETION_THRESHOLD + ":A run was stopped by the deletion threshold (nothing was deleted).",
            ExitCodes.ERROR_LIMIT + ":A run was stopped by the error limit.",
            ExitCodes.CONNECTOR_FAILED + ":A run was stopped because its connector failed as a whole.",
            ExitCodes.STAGING_MODE + ":An export was asked for but staging mode held it.",
            ExitCodes.OBJECT_ERRORS + ":Runs completed, some objects with errors (joinery errors lists them).",
            ExitCodes.NOT_FOUND + ":The object, run or connector asked for does not exist."
        })
public final class Joinery implements Runnable {

    @Spec
    private CommandSpec spec;

    private final Function<String, String> environment;
    private final StoreFactory stores;

    private Joinery(Function<String, String> environment, StoreFactory stores) {
        this.environment = environment;
        this.stores = stores;
    }

    /** Where the sync commands' stores come from ({@code store} section of joinery.yaml). */
    StoreFactory stores() {
        return stores;
    }

    /** The process environment the commands read ({@code ${env:NAME}} secrets); a map in tests. */
    Function<String, String> environment() {
        return environment;
    }

    public static void main(String[] args) {
        // The connectors log through System.Logger (java.util.logging here): operators see warnings unless they ask.
        java.util.logging.Logger.getLogger("")
                .setLevel(java.util.logging.Level.parse(
                        System.getProperty("joinery.log.level", "WARNING").toUpperCase(java.util.Locale.ROOT)));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = newCommandLine().setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The configured command line, for {@link #main} and for tests that run commands in-process with their own
     * writers ({@link CommandLine#setOut}, {@link CommandLine#setErr}).
     */
    public static CommandLine newCommandLine() {
        return newCommandLine(System::getenv);
    }

    /** As {@link #newCommandLine()}, with {@code environment} in place of the process environment. */
    static CommandLine newCommandLine(Function<String, String> environment) {
        return newCommandLine(environment, StoreFactory.DEFAULT);
    }

    /** As {@link #newCommandLine(Function)}, with its own store factory. */
    static CommandLine newCommandLine(Function<String, String> environment, StoreFactory stores) {
        CommandLine cmd = new CommandLine(new Joinery(environment, stores));
        cmd.setParameterExceptionHandler(Joinery::usageError);
        cmd.setExecutionExceptionHandler(Joinery::internalError);
        return cmd;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(ex.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println(cmd.getColorScheme()
                    .text("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information."));
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int internalError(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println("internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Joinery.class.getPackage().getImplementationVersion();
            return new String[] {"joinery " + (v != null ? v : "development")};
        }
    }
}
