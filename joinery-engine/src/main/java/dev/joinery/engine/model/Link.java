package dev.joinery.engine.model;

import dev.joinery.engine.rules.Direction;
import java.util.Objects;
import java.util.UUID;

/**
 * The link of a connector-space object to its metaverse object: "A single connector space object can be linked to
 * only one metaverse object."
 *
 * @param mvId the metaverse object
 * @param rule the name of the rule that joined, projected or provisioned
 * @param direction the direction of that rule: only an inbound link is undone by inbound scoping, only an outbound
 *     one by outbound scoping
 * @param kind how the link was made
 */
public record Link(UUID mvId, String rule, Direction direction, LinkKind kind) {
    public Link {
        Objects.requireNonNull(mvId, "mvId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
    }
}
