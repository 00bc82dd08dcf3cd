package dev.joinery.engine.rules;

import java.util.List;
import java.util.Objects;

/**
 * One partition of a connector (an AD domain naming context, Azure AD Connect's {@code default} for the cloud)
 * with its object types and container filter.
 *
 * @param name the partition name or DN, never blank
 * @param objectTypes the object types selected in it, in order
 * @param inclusions container DNs included, in order
 * @param exclusions container DNs excluded, in order
 */
public record Partition(String name, List<String> objectTypes, List<String> inclusions, List<String> exclusions) {
    public Partition {
        Objects.requireNonNull(name, "name");
        objectTypes = List.copyOf(objectTypes);
        inclusions = List.copyOf(inclusions);
        exclusions = List.copyOf(exclusions);
    }
}
