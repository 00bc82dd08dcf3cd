package dev.joinery.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.engine.model.RunCounts;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.sync.SyncSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-command summary of runs: one row per connector and step with what it imported, filtered, joined,
 * projected, provisioned, updated, renamed, deleted, exported, and its errors; then the limits in force (deletion
 * threshold, error limit, staging mode) and which of them stopped a run. Immutable.
 */
public record RunSummary(List<RunRecord> runs, SyncSettings settings) {
    /** The column names, in the order the table and the JSON give them. */
    public static final List<String> COLUMNS = List.of(
            "imported",
            "filtered",
            "joined",
            "projected",
            "provisioned",
            "updated",
            "renamed",
            "deleted",
            "exported",
            "errors");

    public RunSummary {
        runs = List.copyOf(runs);
    }

    /** The counts of one run under {@link #COLUMNS}. */
    public static int[] columns(RunRecord r) {
        RunCounts c = r.counts();
        boolean imp = r.step() == RunStep.FULL_IMPORT || r.step() == RunStep.DELTA_IMPORT;
        return new int[] {
            imp ? c.processed() : 0,
            imp ? 0 : c.disconnectors(),
            c.joins(),
            c.projections(),
            c.provisions(),
            c.updates(),
            c.renames(),
            c.deletes(),
            c.exported(),
            c.errors()
        };
    }

    /** The sum of a column over the runs of one step kind of one connector (null = any). */
    public int total(String column, String connector, RunStep step) {
        int i = COLUMNS.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return runs.stream()
                .filter(r -> connector == null || r.connector().equals(connector))
                .filter(r -> step == null || r.step() == step)
                .mapToInt(r -> columns(r)[i])
                .sum();
    }

    /** The first run a limit stopped, or null. */
    public RunRecord stopped() {
        return runs.stream().filter(r -> r.status().stopped()).findFirst().orElse(null);
    }

    /**
     * The exit code: the most severe outcome first ({@link dev.joinery.app.ExitCodes}): 3 a deletion threshold
     * stopped an export, 4 an error limit stopped a run, 5 a connector failed as a whole, 7 runs completed with
     * object errors, 6 an export asked for explicitly was held by staging mode; 0 otherwise.
     *
     * @param exportAsked whether the command was an explicit export (only then does staging mode give 6)
     */
    public int exitCode(boolean exportAsked) {
        if (any(RunStatus.STOPPED_DELETION_THRESHOLD)) {
            return 3;
        }
        if (any(RunStatus.STOPPED_ERROR_LIMIT)) {
            return 4;
        }
        if (any(RunStatus.STOPPED_CONNECTOR_ERROR)) {
            return 5;
        }
        if (any(RunStatus.COMPLETED_WITH_ERRORS)) {
            return 7;
        }
        if (exportAsked && any(RunStatus.SKIPPED_STAGING)) {
            return 6;
        }
        return 0;
    }

    private boolean any(RunStatus status) {
        return runs.stream().anyMatch(r -> r.status() == status);
    }

    /** Prints the table and the limits. */
    public void print(PrintWriter out) {
        String head = String.format(Locale.ROOT, "%-24s %-22s %-22s", "connector", "step", "status");
        StringBuilder h = new StringBuilder(head);
        for (String c : COLUMNS) {
            h.append(String.format(Locale.ROOT, " %9s", c));
        }
        h.append(String.format(Locale.ROOT, " %8s", "seconds"));
        out.println(h);
        for (RunRecord r : runs) {
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%-24s %-22s %-22s",
                    r.connector(),
                    r.profile(),
                    r.status().name().toLowerCase(Locale.ROOT).replace('_', '-')));
            for (int v : columns(r)) {
                line.append(String.format(Locale.ROOT, " %9d", v));
            }
            line.append(String.format(Locale.ROOT, " %8.2f", seconds(r)));
            out.println(line);
        }
        out.println("deletion threshold: " + settings.deletionThreshold().describe() + "; error limit: "
                + settings.errorLimit() + " errors per run; staging mode: " + (settings.stagingMode() ? "on" : "off"));
        for (RunRecord r : runs) {
            if (r.status().stopped() || r.status() == RunStatus.SKIPPED_STAGING) {
                out.println(r.profile() + " of " + r.connector() + " " + describe(r.status())
                        + (r.message() == null ? "" : ": " + r.message()));
            }
        }
        out.flush();
    }

    /** The summary as JSON: {@code runs} (each with id, connector, step, status, counts, seconds) and {@code limits}. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("runs");
        for (RunRecord r : runs) {
            list.add(runJson(json, r));
        }
        ObjectNode limits = root.putObject("limits");
        limits.put("deletionThreshold", settings.deletionThreshold().describe());
        limits.put("errorLimit", settings.errorLimit());
        limits.put("stagingMode", settings.stagingMode());
        RunRecord stopped = stopped();
        if (stopped == null) {
            root.putNull("stoppedBy");
        } else {
            root.put(
                    "stoppedBy",
                    stopped.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return root;
    }

    /** One run as JSON. */
    public static ObjectNode runJson(ObjectMapper json, RunRecord r) {
        ObjectNode o = json.createObjectNode();
        o.put("id", r.id().toString());
        o.put("connector", r.connector());
        o.put("step", r.profile());
        o.put("status", r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("start", r.start().toString());
        if (r.end() == null) {
            o.putNull("end");
        } else {
            o.put("end", r.end().toString());
        }
        ObjectNode counts = o.putObject("counts");
        int[] v = columns(r);
        for (int i = 0; i < COLUMNS.size(); i++) {
            counts.put(COLUMNS.get(i), v[i]);
        }
        o.put("seconds", seconds(r));
        if (r.message() == null) {
            o.putNull("message");
        } else {
            o.put("message", r.message());
        }
        return o;
    }

    private static double seconds(RunRecord r) {
        return r.end() == null ? 0 : Duration.between(r.start(), r.end()).toMillis() / 1000.0;
    }

    private static String describe(RunStatus s) {
        return switch (s) {
            case STOPPED_DELETION_THRESHOLD -> "was stopped by the deletion threshold: nothing was deleted";
            case STOPPED_ERROR_LIMIT -> "was stopped by the error limit";
            case STOPPED_CONNECTOR_ERROR -> "was stopped: the connector failed";
            case SKIPPED_STAGING -> "was held by staging mode: pending exports stay for inspection";
            default -> s.name();
        };
    }
}
