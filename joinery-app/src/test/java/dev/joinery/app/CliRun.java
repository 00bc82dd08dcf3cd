package dev.joinery.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** What one in-process run of the {@code joinery} command gave: exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return run(Joinery.newCommandLine(), args);
    }

    /** Runs with {@code environment} as the process environment ({@code ${env:NAME}} secrets). */
    static CliRun run(Map<String, String> environment, String... args) {
        return run(Joinery.newCommandLine(environment::get), args);
    }

    static CliRun run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
