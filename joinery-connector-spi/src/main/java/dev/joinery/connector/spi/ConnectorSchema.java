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

    /** One attribute: its type and whether it holds several values. */
    public record Attribute(String name, AttributeType type, boolean multiValued) {
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
