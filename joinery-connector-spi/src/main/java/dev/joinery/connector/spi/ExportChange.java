package dev.joinery.connector.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One change to export: add, modify by value, rename/move, or delete an object. */
public sealed interface ExportChange
        permits ExportChange.Add, ExportChange.Modify, ExportChange.Rename, ExportChange.Delete {

    /** The DN the change applies to (for an add, the new object's DN). */
    String dn();

    /**
     * A new object. The connector returns its anchor in the result. {@code attributes} holds every initial
     * value; the object classes come from the object type and the connector's configuration.
     */
    record Add(String objectType, String dn, Map<String, List<AttributeValue>> attributes) implements ExportChange {
        public Add {
            Objects.requireNonNull(objectType, "objectType");
            Objects.requireNonNull(dn, "dn");
            attributes = Map.copyOf(attributes);
        }
    }

    /** Value changes to an existing object, identified by anchor; {@code dn} is where the engine last saw it. */
    record Modify(Anchor anchor, String dn, List<AttributeChange> changes) implements ExportChange {
        public Modify {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(dn, "dn");
            changes = List.copyOf(changes);
        }
    }

    /** A new DN for an existing object: a rename, a move to another container, or both. */
    record Rename(Anchor anchor, String dn, String newDn) implements ExportChange {
        public Rename {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(dn, "dn");
            Objects.requireNonNull(newDn, "newDn");
        }
    }

    record Delete(Anchor anchor, String dn) implements ExportChange {
        public Delete {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(dn, "dn");
        }
    }
}
