package dev.joinery.engine.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schemas rules are validated against: the metaverse and each connector by name. A side that is not known
 * (no metaverse schema, no connector schemas at all) is not checked; a connector missing while others are known is
 * reported as unknown.
 *
 * @param metaverse the metaverse schema, or null when unknown
 * @param connectors connector name to schema
 */
public record RuleSchemas(DirectorySchema metaverse, Map<String, DirectorySchema> connectors) {
    public static final RuleSchemas NONE = new RuleSchemas(null, Map.of());

    public RuleSchemas {
        connectors = Map.copyOf(Objects.requireNonNull(connectors, "connectors"));
    }

    /** Schemas from a metaverse schema and connector stubs. */
    public static RuleSchemas of(DirectorySchema metaverse, List<ConnectorStub> connectors) {
        Map<String, DirectorySchema> byName = new LinkedHashMap<>();
        connectors.forEach(c -> byName.put(c.name(), c.schema()));
        return new RuleSchemas(metaverse, byName);
    }

    public Optional<DirectorySchema> metaverseSchema() {
        return Optional.ofNullable(metaverse);
    }
}
