package dev.joinery.engine.sync;

import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.rules.SyncRule;
import java.util.UUID;

/** Receives what synchronization decides, for a preview. The default does nothing. */
interface SyncTrace {
    SyncTrace NONE = new SyncTrace() {};

    /** Whether a rule is in scope for an object, and why. */
    default void scope(SyncRule rule, String object, boolean inScope, String reason) {}

    /** What the join or provisioning step decided for a connector-space object. */
    default void join(CsObject cs, String outcome) {}

    /** One flow's value for a target attribute, and whether it won the precedence. */
    default void flow(SyncRule rule, String object, String attribute, String value, boolean won) {}

    /** A metaverse object that the run changed. */
    default void metaverse(UUID mvId) {}
}
