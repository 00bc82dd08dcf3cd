package dev.joinery.connector.spi;

import java.util.Objects;

/**
 * One imported change: an object as it now is ({@link Kind#UPSERT}), or the anchor of an object that is
 * gone ({@link Kind#DELETE}). A rename or move is an upsert whose DN differs from the one held.
 */
public record ImportChange(Kind kind, Anchor anchor, ConnectorObject object) {
    public enum Kind {
        UPSERT,
        DELETE
    }

    public ImportChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(anchor, "anchor");
        if (kind == Kind.UPSERT) {
            Objects.requireNonNull(object, "an upsert carries the object");
            if (!object.anchor().equals(anchor)) {
                throw new IllegalArgumentException("the object's anchor differs from the change's");
            }
        } else if (object != null) {
            throw new IllegalArgumentException("a delete carries no object");
        }
    }

    public static ImportChange upsert(ConnectorObject object) {
        return new ImportChange(Kind.UPSERT, object.anchor(), object);
    }

    public static ImportChange delete(Anchor anchor) {
        return new ImportChange(Kind.DELETE, anchor, null);
    }
}
