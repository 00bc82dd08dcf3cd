package dev.joinery.connector.spi;

import java.util.Objects;

/**
 * What became of one exported change: applied (with the anchor, which for an add is new), or failed with a
 * classified error.
 *
 * @param anchor the object's anchor when applied; null on failure
 * @param error the failure; null when applied
 */
public record ExportResult(Anchor anchor, ConnectorError error) {

    public ExportResult {
        if ((anchor == null) == (error == null)) {
            throw new IllegalArgumentException("a result has either an anchor (applied) or an error (failed)");
        }
    }

    public static ExportResult applied(Anchor anchor) {
        return new ExportResult(Objects.requireNonNull(anchor, "anchor"), null);
    }

    public static ExportResult failed(ConnectorError error) {
        return new ExportResult(null, Objects.requireNonNull(error, "error"));
    }

    public boolean isApplied() {
        return error == null;
    }
}
