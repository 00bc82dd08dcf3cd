package dev.joinery.app;

/** The process exit codes of every {@code joinery} subcommand, in one place because scripts and the README rely on them. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;

    /** An unexpected internal failure (a bug, or an environment problem such as an unreadable file); a stack trace is printed. */
    public static final int INTERNAL_ERROR = 1;

    /**
     * The command line is wrong: an unknown option or subcommand, a missing argument, a malformed value such as
     * {@code --attr} without {@code =}.
     */
    public static final int USAGE = 2;

    /**
     * An expression failed: it does not compile (syntax error, unknown function) or it failed while being
     * evaluated ({@code Error("...")}, a type mismatch). Shares its value with {@link #USAGE}: both mean that
     * what the user typed must be fixed.
     */
    public static final int EXPRESSION_ERROR = 2;

    /**
     * {@code joinery.yaml} has problems ({@code config validate}, {@code config show}): each is printed with its
     * file, line and column. Shares its value with {@link #USAGE}: what the user wrote must be fixed.
     */
    public static final int INVALID_CONFIG = 2;

    private ExitCodes() {}
}
