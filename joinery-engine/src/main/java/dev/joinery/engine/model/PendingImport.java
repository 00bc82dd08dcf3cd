package dev.joinery.engine.model;

/** What an import changed on a connector-space object that synchronization has not processed yet. */
public enum PendingImport {
    NONE,
    ADD,
    /** Attributes or DN changed (a rename is an update). */
    UPDATE,
    /** The object is gone from the directory; synchronization disconnects it and then removes it. */
    DELETE
}
