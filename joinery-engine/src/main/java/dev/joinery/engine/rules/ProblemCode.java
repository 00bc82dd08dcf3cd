package dev.joinery.engine.rules;

/**
 * Stable codes of rule-set problems, shared by logs, CLI output, API bodies and docs. All are permanent: the
 * configuration has to change, retrying does not help.
 */
public enum ProblemCode {
    /** A file cannot be read. */
    IO_ERROR,
    /** The text is not well-formed YAML (or XML, for an Azure AD Connect export). */
    SYNTAX_ERROR,
    /** A key the format does not know; the message suggests the closest known one. */
    UNKNOWN_KEY,
    /** The same key twice in one mapping. */
    DUPLICATE_KEY,
    /** A required key is absent. */
    MISSING_KEY,
    /** A value of the wrong shape: a list where a mapping belongs, text where a number belongs, ... */
    WRONG_TYPE,
    /** A value of the right shape that is not allowed: an unknown operator, two flow kinds in one flow, ... */
    INVALID_VALUE,
    /** An expression that does not compile; the position points into the expression. */
    EXPRESSION_ERROR,
    /** Two rules with the same name. */
    DUPLICATE_RULE_NAME,
    /** A rule names a connector the configuration does not have. */
    UNKNOWN_CONNECTOR,
    /** An object type the metaverse or the connector does not have. */
    UNKNOWN_OBJECT_TYPE,
    /** An attribute the object type does not have (names are case-sensitive). */
    UNKNOWN_ATTRIBUTE,
    /** Two enabled rules with join conditions can be in scope for one object at once. */
    MULTIPLE_JOIN_RULES,
    /** Two enabled rules of one direction share a precedence. */
    DUPLICATE_PRECEDENCE,
    /** Rules that may apply to one object flow to one target attribute with different merge types. */
    MERGE_TYPE_MISMATCH,
    /** One rule flows to the same target attribute twice. */
    DUPLICATE_FLOW_TARGET,
    /** An element of an Azure AD Connect export that the importer does not understand; it is left out. */
    UNSUPPORTED_ELEMENT
}
