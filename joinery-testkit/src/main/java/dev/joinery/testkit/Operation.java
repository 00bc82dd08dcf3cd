package dev.joinery.testkit;

import dev.joinery.connector.spi.ExportChange;

/**
 * What a {@link FaultPlan} can break and count. An export counts one call per change of its kind, so a batch
 * of three adds is three {@link #EXPORT_ADD} calls; every other operation counts one call per invocation.
 */
public enum Operation {
    OPEN,
    SCHEMA,
    FULL_IMPORT,
    DELTA_IMPORT,
    EXPORT_ADD,
    EXPORT_MODIFY,
    EXPORT_RENAME,
    EXPORT_DELETE;

    /** Whether objects stream out of this operation, so a fault can strike after some were sent. */
    public boolean isImport() {
        return this == FULL_IMPORT || this == DELTA_IMPORT;
    }

    /** Whether this operation is one change of an export batch. */
    public boolean isExport() {
        return name().startsWith("EXPORT_");
    }

    /** The operation that exports {@code change}. */
    public static Operation of(ExportChange change) {
        if (change instanceof ExportChange.Add) {
            return EXPORT_ADD;
        } else if (change instanceof ExportChange.Modify) {
            return EXPORT_MODIFY;
        } else if (change instanceof ExportChange.Rename) {
            return EXPORT_RENAME;
        } else if (change instanceof ExportChange.Delete) {
            return EXPORT_DELETE;
        }
        throw new IllegalArgumentException("unknown change " + change.getClass().getName());
    }
}
