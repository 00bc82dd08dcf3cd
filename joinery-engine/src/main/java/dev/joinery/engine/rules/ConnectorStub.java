package dev.joinery.engine.rules;

import java.util.List;
import java.util.Objects;

/**
 * What rules need to know of a connector: its name, kind, partitions and schema. Not a full connector
 * configuration (no host, no credentials): the stub that an import writes for the operator to complete.
 *
 * @param name unique connector name, never blank
 * @param kind the connector implementation ({@code ldap}, {@code graph}, ...), never blank
 * @param id the identifier of the source system's connector (a GUID for Azure AD Connect), or null
 * @param anchor the anchor attribute, or null when not known
 * @param partitions in order, possibly empty
 * @param schema the object types in scope and their attributes
 */
public record ConnectorStub(
        String name, String kind, String id, String anchor, List<Partition> partitions, DirectorySchema schema) {
    public ConnectorStub {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        partitions = List.copyOf(partitions);
    }
}
