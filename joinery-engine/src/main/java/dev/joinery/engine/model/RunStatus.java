package dev.joinery.engine.model;

/** How a run ended. */
public enum RunStatus {
    IN_PROGRESS,
    SUCCESS,
    COMPLETED_WITH_WARNINGS,
    COMPLETED_WITH_ERRORS,
    /** "stopped-error-limit": more errors than the run's limit. */
    STOPPED_ERROR_LIMIT,
    /** "stopped-deletion-threshold-exceeded": nothing was exported. */
    STOPPED_DELETION_THRESHOLD,
    /** The connector failed as a whole (unreachable, watermark expired); what was committed stays. */
    STOPPED_CONNECTOR_ERROR,
    /** Staging mode: the export did not run; pending exports stay for inspection. */
    SKIPPED_STAGING;

    public boolean stopped() {
        return name().startsWith("STOPPED");
    }
}
