package dev.joinery.engine.sync;

import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.RunCounts;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.store.SyncTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one run has done so far: counts and errors, written to the store with each batch ({@link #flush}). The run
 * steps count with {@link #count(Counter)}; callers read an immutable {@link RunCounts} or {@link RunRecord}, never
 * the live counters. Not thread-safe; one per run.
 */
public final class RunLog {
    /** What a run counts; each is one field of {@link RunCounts}. */
    public enum Counter {
        PROCESSED,
        ADDS,
        UPDATES,
        RENAMES,
        DELETES,
        JOINS,
        PROJECTIONS,
        PROVISIONS,
        DISCONNECTORS,
        EXPORTED
    }

    private final UUID runId;
    private final RunStep step;
    private final String connector;
    private final Instant start;
    private final int errorLimit;
    private final List<ObjectError> unflushed = new ArrayList<>();
    private final List<ObjectError> all = new ArrayList<>();
    private final int[] counters = new int[Counter.values().length];
    private int errors;
    private int warnings;

    public RunLog(UUID runId, RunStep step, String connector, Instant start, int errorLimit) {
        this.runId = runId;
        this.step = step;
        this.connector = connector;
        this.start = start;
        this.errorLimit = errorLimit;
    }

    /** Adds one to a counter. */
    public void count(Counter counter) {
        counters[counter.ordinal()]++;
    }

    /** Records an error on a connector-space object (or on the run when {@code cs} is null). */
    public void error(ErrorCode code, String message, CsObject cs, UUID mvId, String rule, String attribute) {
        add(new ObjectError(
                runId,
                code,
                message,
                cs == null ? connector : cs.connector(),
                cs == null ? null : cs.id(),
                cs == null ? null : cs.dn(),
                mvId,
                rule,
                attribute));
    }

    private void add(ObjectError error) {
        unflushed.add(error);
        all.add(error);
        if (error.code().warning()) {
            warnings++;
        } else {
            errors++;
        }
    }

    /** Whether the run met more errors than its limit. */
    public boolean limitExceeded() {
        return errors > errorLimit;
    }

    public int errorCount() {
        return errors;
    }

    /** Every error recorded, flushed or not. */
    List<ObjectError> errors() {
        return List.copyOf(all);
    }

    /** Writes the errors recorded since the last flush into {@code tx}. */
    public void flush(SyncTransaction tx) {
        unflushed.forEach(tx::addError);
        unflushed.clear();
    }

    /** Forgets the errors not yet flushed (their batch was rolled back); counts stay. */
    public void discardUnflushed() {
        all.removeAll(unflushed);
        unflushed.clear();
    }

    /** A snapshot of the counts so far. */
    public RunCounts counts() {
        return new RunCounts(
                counters[Counter.PROCESSED.ordinal()],
                counters[Counter.ADDS.ordinal()],
                counters[Counter.UPDATES.ordinal()],
                counters[Counter.RENAMES.ordinal()],
                counters[Counter.DELETES.ordinal()],
                counters[Counter.JOINS.ordinal()],
                counters[Counter.PROJECTIONS.ordinal()],
                counters[Counter.PROVISIONS.ordinal()],
                counters[Counter.DISCONNECTORS.ordinal()],
                counters[Counter.EXPORTED.ordinal()],
                errors,
                warnings);
    }

    /** The status a run that was not stopped ends with. */
    public RunStatus completedStatus() {
        return errors > 0
                ? RunStatus.COMPLETED_WITH_ERRORS
                : warnings > 0 ? RunStatus.COMPLETED_WITH_WARNINGS : RunStatus.SUCCESS;
    }

    public RunRecord record(RunStatus status, Instant end, String message) {
        return new RunRecord(runId, step, connector, start, end, status, counts(), message);
    }
}
