package dev.joinery.engine.model;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.ConnectorError;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A change that outbound synchronization staged for one connector-space object and export has not applied yet. At
 * most one per object: a new staging replaces the old one (attempts and error are kept when the change is equal).
 *
 * @param connector the target connector's name
 * @param csId the connector-space object it changes
 * @param anchor the object's anchor, or null for an {@link Kind#ADD}
 * @param dn the object's DN as the engine knows it (for an add, the new object's DN)
 * @param objectType the object type (an add creates one of this type)
 * @param kind add, update or delete
 * @param newDn for an update, the DN to rename or move to; null when the DN stays
 * @param changes by value: for an add every initial value as {@link AttributeChange.Operation#ADD}; for an update
 *     adds, deletes, replaces and clears; empty for a delete
 * @param attempts how many exports of it failed
 * @param lastError the last failure, or null
 */
public record PendingExport(
        String connector,
        UUID csId,
        Anchor anchor,
        String dn,
        String objectType,
        Kind kind,
        String newDn,
        List<AttributeChange> changes,
        int attempts,
        ConnectorError lastError) {

    public enum Kind {
        ADD,
        UPDATE,
        DELETE
    }

    public PendingExport {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(csId, "csId");
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(kind, "kind");
        changes = List.copyOf(changes);
        if ((kind == Kind.ADD) != (anchor == null)) {
            throw new IllegalArgumentException("only an add has no anchor: " + kind + " " + dn);
        }
        if (newDn != null && kind != Kind.UPDATE) {
            throw new IllegalArgumentException("only an update renames: " + kind + " " + dn);
        }
    }

    /** Whether this carries the same change as {@code other}, ignoring attempts and errors. */
    public boolean sameChange(PendingExport other) {
        return other != null
                && kind == other.kind
                && dn.equals(other.dn)
                && Objects.equals(anchor, other.anchor)
                && Objects.equals(newDn, other.newDn)
                && changes.equals(other.changes);
    }

    public PendingExport failed(ConnectorError error) {
        return new PendingExport(connector, csId, anchor, dn, objectType, kind, newDn, changes, attempts + 1, error);
    }

    public PendingExport withChanges(String renameTo, List<AttributeChange> value) {
        return new PendingExport(connector, csId, anchor, dn, objectType, kind, renameTo, value, attempts, lastError);
    }
}
