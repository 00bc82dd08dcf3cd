package dev.joinery.engine.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of a run profile on a connector.
 *
 * @param id unique
 * @param step the run profile
 * @param connector the connector's name
 * @param start when it started
 * @param end when it ended; null while in progress
 * @param status how it ended
 * @param counts what it did
 * @param message a summary for the operator (why it stopped), or null
 */
public record RunRecord(
        UUID id,
        RunStep step,
        String connector,
        Instant start,
        Instant end,
        RunStatus status,
        RunCounts counts,
        String message) {
    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
    }

    /** The run profile's name (Full Import, Delta Synchronization, ...). */
    public String profile() {
        return step.profile();
    }
}
