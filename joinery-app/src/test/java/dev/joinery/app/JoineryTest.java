package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: help, version, and how usage errors and internal failures map to exit codes. */
class JoineryTest {

    @Test
    void versionOptionPrintsTheVersion() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("joinery ");
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("expr", "Exit codes:");
    }

    @Test
    void subcommandsInheritTheHelpOption() {
        CliRun run = CliRun.run("expr", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("--attr", "--attr-b64", "--param", "--json");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required subcommand", "joinery --help");
    }

    @Test
    void unknownSubcommandIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.run("exp", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unmatched argument", "expr");
    }

    @Test
    void unexpectedFailureExitsWithInternalErrorAndAStackTrace() {
        CommandLine cmd = Joinery.newCommandLine().addSubcommand(new Failing());

        CliRun run = CliRun.run(cmd, "fail");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(run.err()).contains("internal error", "IllegalStateException: broken", "at dev.joinery.app");
        assertThat(run.out()).isEmpty();
    }

    @Command(name = "fail")
    static final class Failing implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("broken");
        }
    }
}
