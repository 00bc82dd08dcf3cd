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

    /**
     * A run was stopped by the deletion threshold ({@code thresholds.deletion}): the export would have deleted more
     * objects than allowed, and deleted none. The summary names the run; raise the threshold or find why so many
     * objects left scope.
     */
    public static final int DELETION_THRESHOLD = 3;

    /** A run was stopped by the error limit ({@code thresholds.errorLimit}); {@code joinery errors} lists them. */
    public static final int ERROR_LIMIT = 4;

    /** A run was stopped because its connector failed as a whole (unreachable, bad credentials, expired watermark). */
    public static final int CONNECTOR_FAILED = 5;

    /**
     * {@code joinery export} was asked for while staging mode is on: nothing was exported, the pending exports stay
     * for inspection. A sync cycle in staging mode exits 0: holding exports is what staging mode is for.
     */
    public static final int STAGING_MODE = 6;

    /** Every run completed, but some objects had errors; {@code joinery errors} lists them. */
    public static final int OBJECT_ERRORS = 7;

    /** The connector-space object, metaverse object, run or connector asked for does not exist. */
    public static final int NOT_FOUND = 8;

    private ExitCodes() {}
}
