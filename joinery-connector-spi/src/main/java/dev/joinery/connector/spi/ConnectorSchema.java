package dev.joinery.connector.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The object types a directory holds and their attributes, as discovered or configured. */
public record ConnectorSchema(List<ObjectType> objectTypes) {
    public ConnectorSchema {
        objectTypes = List.copyOf(objectTypes);
    }

    public Optional<ObjectType> objectType(String name) {
        return objectTypes.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * One object type (user, group, contact...).
     *
     * @param anchorAttribute the attribute that holds the anchor (objectGUID, entryUUID, id)
     */
    public record ObjectType(String name, String anchorAttribute, List<Attribute> attributes) {
        public ObjectType {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(anchorAttribute, "anchorAttribute");
            attributes = List.copyOf(attributes);
        }

        /** Attributes by name, case-insensitively as directories compare them. */
        public Optional<Attribute> attribute(String attributeName) {
            return attributes.stream()
                    .filter(a -> a.name().equalsIgnoreCase(attributeName))
                    .findFirst();
        }

        public Map<String, Attribute> attributesByName() {
            return attributes.stream().collect(Collectors.toMap(Attribute::name, Function.identity()));
        }
    }

    /**
     * One attribute: its type, whether it holds several values, and what the directory lets a sync engine do
     * with it.
     */
    public record Attribute(String name, AttributeType type, boolean multiValued, java.util.Set<Flag> flags) {
        /** What the directory allows; the engine reads these when it computes exports. */
        public enum Flag {
            /**
             * Set once, then never changed (Entra ID's onPremisesImmutableId): the engine stops an export that would
             * change it ("After the object has been created in Azure AD, then sourceAnchor cannot change").
             */
            IMMUTABLE,
            /** Shown but not written by a sync engine (proxyAddresses and onPremises* through Graph). */
            READ_ONLY,
            /** Written but never returned (passwords). */
            WRITE_ONLY,
            /** Unique across the directory (userPrincipalName, proxyAddresses, mail): conflicts are quarantined. */
            UNIQUE
        }

        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            flags = flags.isEmpty()
                    ? java.util.Set.of()
                    : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(flags));
        }

        /** An attribute with no flags. */
        public Attribute(String name, AttributeType type, boolean multiValued) {
            this(name, type, multiValued, java.util.Set.of());
        }

        public boolean has(Flag flag) {
            return flags.contains(flag);
        }
    }
}
