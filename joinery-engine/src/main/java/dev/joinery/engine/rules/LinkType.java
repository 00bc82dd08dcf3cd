package dev.joinery.engine.rules;

import java.util.Optional;

/**
 * What a rule does when none of its join groups finds exactly one target object. "Join" only joins;
 * "Provision" joins or creates; "StickyJoin" is "used when a Connector isn't allowed to provision a new object to
 * the metaverse. But, when it has joined, it must be deleted in the source before the metaverse object is deleted."
 */
public enum LinkType {
    JOIN("Join"),
    STICKY_JOIN("StickyJoin"),
    PROVISION("Provision");

    private final String displayName;

    LinkType(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling Azure AD Connect uses and the YAML writer emits. */
    public String displayName() {
        return displayName;
    }

    /** Reads {@code StickyJoin}, {@code sticky_join}, {@code STICKY-JOIN}, ...; empty when unknown. */
    public static Optional<LinkType> parse(String text) {
        for (LinkType t : values()) {
            if (Names.squash(t.name()).equals(Names.squash(text))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
