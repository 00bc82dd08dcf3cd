package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.expr.Value;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates scoping filters: "A logical AND is used between all clauses in a group ... A logical OR is used between
 * groups"; an empty filter puts every object in scope. Choices where the reference is silent or loose (notes §2.4):
 * text compares ignoring case; an integer attribute compares numerically when the value is a number; Booleans
 * compare ignoring case ({@code TRUE}, {@code True}); a value {@code %Name%} is the connector's parameter; every
 * negated operator (NOTEQUAL, NOTCONTAINS, NOTSTARTSWITH, NOTENDSWITH, ISNOTIN, ISBITNOTSET) is in scope for an
 * absent attribute, the positive ones are not; a multi-valued attribute is in scope of a positive operator when any
 * value matches and of a negated one when none does; ISBITSET tests that every bit of the value is set (an absent
 * attribute has none); ISMEMBEROF asks the caller whether the object is a member of the group the value names (a DN
 * in the object's connector space for inbound rules; for outbound rules see {@code SyncSession#memberOf(MvObject,
 * String)}: a metaverse id or a DN of a linked group).
 */
public final class Scoping {
    private Scoping() {}

    /** The outcome, with a reason an operator can read ({@code department EQUAL IT: yes ("IT")}). */
    public record Result(boolean inScope, String reason) {}

    /**
     * @param attributes the object's values, case-insensitive names
     * @param dn the object's DN ({@code dn} clauses read it), or null
     * @param parameters the rule connector's parameters
     * @param memberOf whether the object is a member of the group with the given DN
     */
    public static Result evaluate(
            ScopeFilter filter,
            Map<String, List<AttributeValue>> attributes,
            String dn,
            Map<String, Value> parameters,
            Predicate<String> memberOf) {
        if (filter.isEmpty()) {
            return new Result(true, "no scoping filter: every object is in scope");
        }
        StringBuilder reason = new StringBuilder();
        boolean any = false;
        for (int g = 0; g < filter.groups().size(); g++) {
            boolean all = true;
            reason.append(g == 0 ? "" : "; ").append("group ").append(g + 1).append(": ");
            List<ScopeClause> group = filter.groups().get(g);
            for (int c = 0; c < group.size(); c++) {
                ScopeClause clause = group.get(c);
                List<AttributeValue> values = attributes.getOrDefault(clause.attribute(), List.of());
                if (values.isEmpty() && dn != null && clause.attribute().equalsIgnoreCase("dn")) {
                    values = List.of(AttributeValue.text(dn));
                }
                String operand = operand(clause.value(), parameters);
                boolean ok = matches(clause.operator(), values, operand, memberOf);
                all &= ok;
                reason.append(c == 0 ? "" : " AND ")
                        .append(clause)
                        .append(": ")
                        .append(ok ? "yes" : "no")
                        .append(values.isEmpty() ? " (absent)" : " (" + values + ")");
            }
            any |= all;
        }
        return new Result(any, reason.toString());
    }

    static String operand(String value, Map<String, Value> parameters) {
        if (value.length() > 2 && value.startsWith("%") && value.endsWith("%")) {
            Value p = parameters.get(value.substring(1, value.length() - 1));
            if (p != null) {
                return p.toString();
            }
        }
        return value;
    }

    static boolean matches(ScopeOperator op, List<AttributeValue> values, String operand, Predicate<String> memberOf) {
        switch (op) {
            case ISNULL:
                return values.isEmpty();
            case ISNOTNULL:
                return !values.isEmpty();
            case EQUAL:
            case ISIN:
                return values.stream().anyMatch(v -> compare(v, operand) == 0);
            case NOTEQUAL:
            case ISNOTIN:
                return values.stream().noneMatch(v -> compare(v, operand) == 0);
            case LESSTHAN:
                return values.stream().anyMatch(v -> compare(v, operand) < 0);
            case LESSTHAN_OR_EQUAL:
                return values.stream().anyMatch(v -> compare(v, operand) <= 0);
            case GREATERTHAN:
                return values.stream().anyMatch(v -> compare(v, operand) > 0);
            case GREATERTHAN_OR_EQUAL:
                return values.stream().anyMatch(v -> compare(v, operand) >= 0);
            case CONTAINS:
                return values.stream().anyMatch(v -> lower(v).contains(lower(operand)));
            case NOTCONTAINS:
                return values.stream().noneMatch(v -> lower(v).contains(lower(operand)));
            case STARTSWITH:
                return values.stream().anyMatch(v -> lower(v).startsWith(lower(operand)));
            case NOTSTARTSWITH:
                return values.stream().noneMatch(v -> lower(v).startsWith(lower(operand)));
            case ENDSWITH:
                return values.stream().anyMatch(v -> lower(v).endsWith(lower(operand)));
            case NOTENDSWITH:
                return values.stream().noneMatch(v -> lower(v).endsWith(lower(operand)));
            case ISBITSET:
                return bitSet(values, operand);
            case ISBITNOTSET:
                return !bitSet(values, operand);
            case ISMEMBEROF:
                return memberOf.test(operand);
            case ISNOTMEMBEROF:
                return !memberOf.test(operand);
            default:
                throw new AssertionError(op);
        }
    }

    private static boolean bitSet(List<AttributeValue> values, String operand) {
        Long mask = number(operand);
        if (mask == null) {
            return false;
        }
        return values.stream().anyMatch(v -> {
            Long n = v instanceof AttributeValue.Integer i ? Long.valueOf(i.value()) : number(v.toString());
            return n != null && (n & mask) == mask;
        });
    }

    /** Compares an attribute value with a scoping value by the attribute's type. */
    static int compare(AttributeValue v, String operand) {
        if (v instanceof AttributeValue.Integer i) {
            Long n = number(operand);
            if (n != null) {
                return Long.compare(i.value(), n);
            }
        } else if (v instanceof AttributeValue.Bool b) {
            String o = operand.trim();
            if (o.equalsIgnoreCase("true") || o.equalsIgnoreCase("false")) {
                return Boolean.compare(b.value(), Boolean.parseBoolean(o.toLowerCase(Locale.ROOT)));
            }
        } else if (v instanceof AttributeValue.Timestamp t) {
            try {
                return t.value().compareTo(Instant.parse(operand.trim()));
            } catch (DateTimeParseException e) {
                // compare as text below
            }
        }
        return lower(v).compareTo(lower(operand));
    }

    private static Long number(String text) {
        String t = text.trim();
        try {
            if (t.regionMatches(true, 0, "&H", 0, 2)) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (t.regionMatches(true, 0, "0x", 0, 2)) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lower(AttributeValue v) {
        return lower(v.toString());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
