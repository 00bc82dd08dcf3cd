package dev.joinery.engine.model;

/**
 * Stable codes of per-object and per-run errors, used alike in logs, CLI output, API bodies and docs. Each says
 * whether trying again later may help without anyone changing data or configuration, and whether it is only a
 * warning (warnings do not count toward the run's error limit).
 */
public enum ErrorCode {
    /** A join group found one metaverse object already joined to another object of the same connector space, or
     * no group found exactly one while some found several. */
    JOIN_AMBIGUOUS(false, false),
    /** More than one rule with join conditions is in scope for one object. */
    MULTIPLE_JOIN_RULES(false, false),
    /** A flow's expression failed on this object (including {@code Error()}). */
    EXPRESSION_ERROR(false, false),
    /** Rules in scope for one attribute mix Update with Merge. */
    MERGE_TYPE_CONFLICT(false, false),
    /** A provisioning rule has no {@code dn} flow, or it gave no value. */
    PROVISIONING_DN_MISSING(false, false),
    /** The DN to provision belongs to an object linked to another metaverse object. */
    PROVISIONING_DN_TAKEN(false, false),
    /** An attribute the target declares immutable would change after the object was exported. */
    SOURCE_ANCHOR_CHANGED(false, false),
    /** The export would delete more objects than the threshold allows; nothing was exported. */
    DELETION_THRESHOLD_EXCEEDED(false, false),
    /** The run met more errors than its limit and stopped. */
    ERROR_LIMIT_EXCEEDED(false, false),
    /** The directory refused an exported change, or could not be reached. */
    EXPORT_FAILED(true, false),
    /** A value the target holds unique on another object was kept back from the export. */
    DUPLICATE_ATTRIBUTE_QUARANTINED(false, true),
    /** The import could not complete. */
    IMPORT_FAILED(true, false);

    private final boolean retriable;
    private final boolean warning;

    ErrorCode(boolean retriable, boolean warning) {
        this.retriable = retriable;
        this.warning = warning;
    }

    public boolean retriable() {
        return retriable;
    }

    public boolean warning() {
        return warning;
    }
}
