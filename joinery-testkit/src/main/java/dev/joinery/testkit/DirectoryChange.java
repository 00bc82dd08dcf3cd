package dev.joinery.testkit;

import dev.joinery.connector.spi.Anchor;
import java.util.Objects;

/**
 * One entry of an {@link InMemoryDirectory}'s change log. Immutable.
 *
 * @param sequence the change's number; every change gets the next one, starting at 1
 * @param objectType the object's type
 * @param dn the object's DN after the change (for a delete, the DN it had)
 */
public record DirectoryChange(long sequence, Kind kind, Anchor anchor, String objectType, String dn) {
    /** What happened to the object. */
    public enum Kind {
        ADD,
        MODIFY,
        /** A new DN: a rename, a move, or both. */
        RENAME,
        DELETE
    }

    public DirectoryChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(dn, "dn");
    }
}
