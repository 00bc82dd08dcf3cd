package dev.joinery.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, conservatively, whether two scoping filters over the same objects can both be satisfied by one
 * object. Two filters are taken as <em>disjoint</em> only when every pair of their groups contains two clauses on
 * the same attribute (names compared exactly) that no value can satisfy together:
 *
 * <ul>
 *   <li>{@code EQUAL x} and {@code EQUAL y} where x and y differ even ignoring case (and are not the same number);
 *   <li>an operator and its negation with the same value: {@code EQUAL}/{@code NOTEQUAL},
 *       {@code ISIN}/{@code ISNOTIN}, {@code CONTAINS}/{@code NOTCONTAINS}, {@code STARTSWITH}/{@code NOTSTARTSWITH},
 *       {@code ENDSWITH}/{@code NOTENDSWITH}, {@code ISBITSET}/{@code ISBITNOTSET},
 *       {@code ISMEMBEROF}/{@code ISNOTMEMBEROF};
 *   <li>{@code ISNULL} and {@code ISNOTNULL}.
 * </ul>
 *
 * Everything else (ranges, prefixes, parameters whose value is only known at run time, filters over different
 * attributes) may overlap. An empty filter overlaps everything. Stateless.
 */
public final class ScopeOverlap {
    private static final Map<ScopeOperator, ScopeOperator> NEGATIONS = Map.of(
            ScopeOperator.EQUAL, ScopeOperator.NOTEQUAL,
            ScopeOperator.ISIN, ScopeOperator.ISNOTIN,
            ScopeOperator.CONTAINS, ScopeOperator.NOTCONTAINS,
            ScopeOperator.STARTSWITH, ScopeOperator.NOTSTARTSWITH,
            ScopeOperator.ENDSWITH, ScopeOperator.NOTENDSWITH,
            ScopeOperator.ISBITSET, ScopeOperator.ISBITNOTSET,
            ScopeOperator.ISMEMBEROF, ScopeOperator.ISNOTMEMBEROF);

    private ScopeOverlap() {}

    /** Whether one object may be in scope of both filters (true unless they are provably disjoint). */
    public static boolean mayOverlap(ScopeFilter a, ScopeFilter b) {
        List<List<ScopeClause>> left = a.isEmpty() ? List.of(List.of()) : a.groups();
        List<List<ScopeClause>> right = b.isEmpty() ? List.of(List.of()) : b.groups();
        for (List<ScopeClause> g : left) {
            for (List<ScopeClause> h : right) {
                if (!contradictory(g, h)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contradictory(List<ScopeClause> g, List<ScopeClause> h) {
        List<ScopeClause> all = new ArrayList<>(g);
        all.addAll(h);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (excludes(all.get(i), all.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether no object satisfies both clauses. */
    static boolean excludes(ScopeClause c, ScopeClause d) {
        if (!c.attribute().equals(d.attribute())) {
            return false;
        }
        ScopeOperator p = c.operator();
        ScopeOperator q = d.operator();
        if (p == ScopeOperator.EQUAL && q == ScopeOperator.EQUAL) {
            return !c.value().equalsIgnoreCase(d.value())
                    && !sameNumber(c.value(), d.value())
                    && !isParameter(c)
                    && !isParameter(d);
        }
        if (p == ScopeOperator.ISNULL && q == ScopeOperator.ISNOTNULL
                || p == ScopeOperator.ISNOTNULL && q == ScopeOperator.ISNULL) {
            return true;
        }
        return (NEGATIONS.get(p) == q || NEGATIONS.get(q) == p) && c.value().equals(d.value());
    }

    private static boolean isParameter(ScopeClause c) {
        return c.value().startsWith("%") && c.value().endsWith("%") && c.value().length() > 1;
    }

    private static boolean sameNumber(String x, String y) {
        try {
            return Long.parseLong(x.trim()) == Long.parseLong(y.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
