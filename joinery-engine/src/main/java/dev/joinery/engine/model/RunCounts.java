package dev.joinery.engine.model;

/**
 * What a run did. Import: adds, updates, renames, deletes of connector-space objects. Synchronization: processed
 * connector-space objects, joins, projections, provisions, disconnectors (objects that stayed or became
 * disconnected), metaverse adds/updates/deletes. Export: exported changes (adds, updates, renames, deletes among
 * them). Errors in every step.
 */
public record RunCounts(
        int processed,
        int adds,
        int updates,
        int renames,
        int deletes,
        int joins,
        int projections,
        int provisions,
        int disconnectors,
        int exported,
        int errors,
        int warnings) {
    public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
