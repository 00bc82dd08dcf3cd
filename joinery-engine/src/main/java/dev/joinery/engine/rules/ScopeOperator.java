package dev.joinery.engine.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The operators of a scoping-filter clause, with Azure AD Connect's spelling. The documentation names the negated
 * bit test {@code ISNOTBITSET}, the real configuration exports write {@code ISBITNOTSET}
 * ({@code userAccountControl ISBITNOTSET 2}); both are read, {@code ISBITNOTSET} is written.
 */
public enum ScopeOperator {
    EQUAL,
    NOTEQUAL,
    LESSTHAN,
    LESSTHAN_OR_EQUAL,
    GREATERTHAN,
    GREATERTHAN_OR_EQUAL,
    CONTAINS,
    NOTCONTAINS,
    STARTSWITH,
    NOTSTARTSWITH,
    ENDSWITH,
    NOTENDSWITH,
    ISNULL,
    ISNOTNULL,
    ISIN,
    ISNOTIN,
    ISBITSET,
    ISBITNOTSET,
    ISMEMBEROF,
    ISNOTMEMBEROF;

    /** The spelling written to YAML and to Azure AD Connect XML: the constant's name. */
    public String displayName() {
        return name();
    }

    /** Whether the operator compares against a value; {@code ISNULL} and {@code ISNOTNULL} do not. */
    public boolean takesValue() {
        return this != ISNULL && this != ISNOTNULL;
    }

    /**
     * Reads an operator. Case does not matter; {@code ISNOTBITSET} (the documented spelling) reads as
     * {@link #ISBITNOTSET}.
     */
    public static Optional<ScopeOperator> parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("ISNOTBITSET")) {
            return Optional.of(ISBITNOTSET);
        }
        for (ScopeOperator op : values()) {
            if (op.name().equals(upper)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
