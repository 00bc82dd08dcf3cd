package dev.joinery.engine.rules;

import java.util.Optional;

/**
 * How contributions of several rules to one target attribute combine. "The default value is Update, which
 * indicates that the sync rule with highest precedence should win." "The option Replace is the same as Update, but
 * it isn't used."
 */
public enum MergeType {
    UPDATE("Update"),
    MERGE("Merge"),
    MERGE_CASE_INSENSITIVE("MergeCaseInsensitive"),
    REPLACE("Replace");

    private final String displayName;

    MergeType(String displayName) {
        this.displayName = displayName;
    }

    /** The spelling Azure AD Connect uses ({@code valueMergeType}) and the YAML writer emits. */
    public String displayName() {
        return displayName;
    }

    /** Replace behaves as Update; the validator treats the two as one merge behaviour. */
    public MergeType behaviour() {
        return this == REPLACE ? UPDATE : this;
    }

    /** Reads {@code MergeCaseInsensitive}, {@code merge_case_insensitive}, ...; empty when unknown. */
    public static Optional<MergeType> parse(String text) {
        for (MergeType t : values()) {
            if (Names.squash(t.name()).equals(Names.squash(text))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
