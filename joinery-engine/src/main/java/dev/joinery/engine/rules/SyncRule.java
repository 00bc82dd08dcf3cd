package dev.joinery.engine.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A synchronization rule: "a configuration object with a set of attributes flowing when a condition is satisfied.
 * It is also used to describe how an object in a connector space is related to an object in the metaverse."
 * Immutable; build one with {@link #builder(String)}. Invalid combinations fail in the constructor with a message
 * that names the rule.
 *
 * @param name unique among the rules of a configuration, never blank
 * @param description never null, {@code ""} when none
 * @param connector the name of the connector the rule belongs to, never blank
 * @param direction never null
 * @param sourceObjectType the object type read: a connector object type for inbound rules, a metaverse object type
 *     for outbound ones; never blank
 * @param targetObjectType the object type written; {@code *} means any metaverse type (the foreign-security-principal
 *     rule joins "any" object); never blank
 * @param linkType never null
 * @param precedence lower wins an attribute conflict; 0-99 are for custom rules by convention
 * @param disabled a disabled rule is kept but never applied
 * @param outOfBoxTag the immutable tag that marks a shipped rule (e.g. {@code Microsoft.InfromADUserJoin.003}), or
 *     null for a custom rule
 * @param passwordSync whether the rule marks the contributor of the password (Azure AD Connect
 *     {@code EnablePasswordSync})
 * @param id a GUID text kept for round trips with Azure AD Connect (e.g. {@code {0b088913-...}}), or null
 * @param scope never null; {@link ScopeFilter#ALL} when every object is in scope
 * @param join join groups in order, possibly empty
 * @param transformations attribute flows in order, possibly empty
 * @param aadcExtras Azure AD Connect elements that have no meaning here, kept verbatim so that an imported rule
 *     exports back exactly (element name to text, e.g. {@code precedence-after}); empty when all had their default
 */
public record SyncRule(
        String name,
        String description,
        String connector,
        Direction direction,
        String sourceObjectType,
        String targetObjectType,
        LinkType linkType,
        int precedence,
        boolean disabled,
        String outOfBoxTag,
        boolean passwordSync,
        String id,
        ScopeFilter scope,
        List<JoinGroup> join,
        List<Transformation> transformations,
        Map<String, String> aadcExtras) {

    public SyncRule {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("sync rule name must not be blank");
        }
        String rule = "sync rule '" + name + "': ";
        description = description == null ? "" : description;
        requireText(connector, rule + "connector must not be blank");
        require(direction, rule + "direction is missing");
        requireText(sourceObjectType, rule + "sourceObjectType must not be blank");
        requireText(targetObjectType, rule + "targetObjectType must not be blank");
        require(linkType, rule + "linkType is missing");
        require(scope, rule + "scope is missing (use ScopeFilter.ALL)");
        join = List.copyOf(Objects.requireNonNull(join, rule + "join is missing"));
        transformations = List.copyOf(Objects.requireNonNull(transformations, rule + "transformations are missing"));
        aadcExtras = Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(aadcExtras, rule + "aadcExtras is missing")));
        if (outOfBoxTag != null && outOfBoxTag.isBlank()) {
            throw new IllegalArgumentException(rule + "outOfBoxTag must be null or non-blank");
        }
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException(rule + "id must be null or non-blank");
        }
    }

    private static void require(Object value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Whether the rule has join conditions, which makes it the rule that joins (or provisions) its objects. */
    public boolean hasJoin() {
        return !join.isEmpty();
    }

    /** Whether the rule came with Azure AD Connect (it carries an immutable tag); such rules should not be edited. */
    public boolean isOutOfBox() {
        return outOfBoxTag != null;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this rule's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(name)
                .description(description)
                .connector(connector)
                .direction(direction)
                .sourceObjectType(sourceObjectType)
                .targetObjectType(targetObjectType)
                .linkType(linkType)
                .precedence(precedence)
                .disabled(disabled)
                .outOfBoxTag(outOfBoxTag)
                .passwordSync(passwordSync)
                .id(id)
                .scope(scope);
        join.forEach(b::joinGroup);
        transformations.forEach(b::transformation);
        aadcExtras.forEach(b::aadcExtra);
        return b;
    }

    /** Collects a rule's values; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String description = "";
        private String connector;
        private Direction direction;
        private String sourceObjectType;
        private String targetObjectType;
        private LinkType linkType = LinkType.JOIN;
        private int precedence;
        private boolean disabled;
        private String outOfBoxTag;
        private boolean passwordSync;
        private String id;
        private ScopeFilter scope = ScopeFilter.ALL;
        private final List<JoinGroup> join = new ArrayList<>();
        private final List<Transformation> transformations = new ArrayList<>();
        private final Map<String, String> aadcExtras = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder connector(String value) {
            connector = value;
            return this;
        }

        public Builder direction(Direction value) {
            direction = value;
            return this;
        }

        public Builder sourceObjectType(String value) {
            sourceObjectType = value;
            return this;
        }

        public Builder targetObjectType(String value) {
            targetObjectType = value;
            return this;
        }

        public Builder linkType(LinkType value) {
            linkType = value;
            return this;
        }

        public Builder precedence(int value) {
            precedence = value;
            return this;
        }

        public Builder disabled(boolean value) {
            disabled = value;
            return this;
        }

        public Builder outOfBoxTag(String value) {
            outOfBoxTag = value;
            return this;
        }

        public Builder passwordSync(boolean value) {
            passwordSync = value;
            return this;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder scope(ScopeFilter value) {
            scope = value;
            return this;
        }

        public Builder joinGroup(JoinGroup group) {
            join.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        public Builder transformation(Transformation flow) {
            transformations.add(Objects.requireNonNull(flow, "flow"));
            return this;
        }

        public Builder aadcExtra(String element, String text) {
            aadcExtras.put(Objects.requireNonNull(element, "element"), Objects.requireNonNull(text, "text"));
            return this;
        }

        /** @throws IllegalArgumentException naming the rule and the field when a value is missing or invalid */
        public SyncRule build() {
            return new SyncRule(
                    name,
                    description,
                    connector,
                    direction,
                    sourceObjectType,
                    targetObjectType,
                    linkType,
                    precedence,
                    disabled,
                    outOfBoxTag,
                    passwordSync,
                    id,
                    scope,
                    join,
                    transformations,
                    aadcExtras);
        }
    }
}
