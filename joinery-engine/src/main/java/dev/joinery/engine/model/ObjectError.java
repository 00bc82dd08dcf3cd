package dev.joinery.engine.model;

import java.util.Objects;
import java.util.UUID;

/**
 * An error a run met on one object (or on the run as a whole, with no object).
 *
 * @param runId the run
 * @param code stable code
 * @param message for the operator, never a secret
 * @param connector the connector of the object, or null
 * @param csId the connector-space object, or null
 * @param dn its DN, or null
 * @param mvId the metaverse object concerned, or null
 * @param rule the rule concerned, or null
 * @param attribute the attribute concerned, or null
 */
public record ObjectError(
        UUID runId,
        ErrorCode code,
        String message,
        String connector,
        UUID csId,
        String dn,
        UUID mvId,
        String rule,
        String attribute) {
    public ObjectError {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + " " + (dn == null ? "" : dn + ": ") + message + (rule == null ? "" : " [rule " + rule + "]")
                + (attribute == null ? "" : " [attribute " + attribute + "]");
    }
}
