package dev.joinery.engine.rules;

import java.util.Optional;

/** Which way a rule flows, seen from the metaverse: inbound is connector space to metaverse. */
public enum Direction {
    INBOUND("Inbound"),
    OUTBOUND("Outbound");

    private final String displayName;

    Direction(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling Azure AD Connect uses and the YAML writer emits. */
    public String displayName() {
        return displayName;
    }

    /** Reads {@code Inbound}, {@code inbound} or {@code INBOUND}; empty when the text names no direction. */
    public static Optional<Direction> parse(String text) {
        for (Direction d : values()) {
            if (Names.squash(d.name()).equals(Names.squash(text))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
