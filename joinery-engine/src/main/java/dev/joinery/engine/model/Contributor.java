package dev.joinery.engine.model;

import dev.joinery.connector.spi.Anchor;
import java.util.Objects;

/**
 * Where a metaverse attribute's value came from: the winning inbound rule, its connector and the anchor of the
 * connector-space object it read
 * (null when that object has no anchor yet: provisioned and not exported).
 */
public record Contributor(String rule, String connector, Anchor anchor) {
    public Contributor {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(connector, "connector");
    }
}
