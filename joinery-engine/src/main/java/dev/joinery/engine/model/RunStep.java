package dev.joinery.engine.model;

/** The run profiles of a connector. */
public enum RunStep {
    FULL_IMPORT("Full Import"),
    DELTA_IMPORT("Delta Import"),
    FULL_SYNC("Full Synchronization"),
    DELTA_SYNC("Delta Synchronization"),
    EXPORT("Export");

    private final String profile;

    RunStep(String profile) {
        this.profile = profile;
    }

    /** The run profile's name as operators know it. */
    public String profile() {
        return profile;
    }
}
