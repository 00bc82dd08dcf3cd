package dev.joinery.engine.rules.aadc;

import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.MergeType;
import dev.joinery.engine.rules.Problem;
import dev.joinery.engine.rules.ProblemCode;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import dev.joinery.expr.ExpressionSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Reads one {@code <synchronizationRule>} element. Join conditions name their sides {@code csAttribute} (the
 * connector-space object) and {@code ilmAttribute} (the metaverse object); for an inbound rule the source is the
 * connector space, for an outbound rule the metaverse. Elements without a Joinery meaning are kept in
 * {@link SyncRule#aadcExtras()} when they differ from their default.
 */
final class AadcRuleReader {
    static final String ZERO_GUID = "{00000000-0000-0000-0000-000000000000}";
    /** Element name to default text of the elements kept verbatim, in document order. */
    static final Map<String, String> EXTRAS = Map.of(
            "version",
            "1",
            "precedence-after",
            ZERO_GUID,
            "precedence-before",
            ZERO_GUID,
            "softDeleteExpiryInterval",
            "00:00:00");

    static final Set<String> KNOWN = Set.of(
            "id",
            "internal-id",
            "version",
            "name",
            "description",
            "immutable-tag",
            "direction",
            "disabled",
            "connector",
            "sourceObjectType",
            "targetObjectType",
            "linkType",
            "precedence",
            "precedence-after",
            "precedence-before",
            "softDeleteExpiryInterval",
            "EnablePasswordSync",
            "attribute-mappings",
            "relationshipCriteria",
            "synchronizationCriteria");

    private final String file;
    private final List<Problem> problems;
    private String ruleName;
    private boolean failed;

    private AadcRuleReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * @param connectorNames connector GUID in lower case to connector name
     * @return the rule, or empty when it has a problem (reported to {@code problems})
     */
    static Optional<SyncRule> read(Element e, Map<String, String> connectorNames, String file, List<Problem> problems) {
        return new AadcRuleReader(file, problems).read(e, connectorNames);
    }

    private Optional<SyncRule> read(Element e, Map<String, String> connectorNames) {
        ruleName = text(e, "name").trim();
        SyncRule.Builder b = SyncRule.builder(ruleName);
        for (Element child : Xml.children(e)) {
            if (!KNOWN.contains(Xml.localName(child))) {
                report(
                        ProblemCode.UNSUPPORTED_ELEMENT,
                        "element <" + Xml.localName(child) + "> is not understood; left out");
            }
        }
        String id = text(e, "id").trim();
        b.id(id.isEmpty() ? null : id);
        Xml.text(e, "internal-id")
                .map(String::trim)
                .filter(v -> !v.equals(id))
                .ifPresent(v -> b.aadcExtra("internal-id", v));
        for (String extra : List.of("version", "precedence-after", "precedence-before", "softDeleteExpiryInterval")) {
            Xml.text(e, extra)
                    .map(String::trim)
                    .filter(v -> !v.equals(EXTRAS.get(extra)))
                    .ifPresent(v -> b.aadcExtra(extra, v));
        }
        b.description(text(e, "description"));
        String tag = text(e, "immutable-tag").trim();
        b.outOfBoxTag(tag.isEmpty() ? null : tag);
        Direction direction = choice(e, "direction", Direction::parse);
        b.direction(direction);
        b.disabled(Boolean.parseBoolean(text(e, "disabled").trim()));
        String guid = text(e, "connector").trim();
        String connector = connectorNames.get(guid.toLowerCase(java.util.Locale.ROOT));
        if (connector == null) {
            report(ProblemCode.UNKNOWN_CONNECTOR, "connector " + guid + " is not among the exported connectors");
        }
        b.connector(connector);
        b.sourceObjectType(text(e, "sourceObjectType").trim());
        b.targetObjectType(text(e, "targetObjectType").trim());
        b.linkType(choice(e, "linkType", LinkType::parse));
        try {
            b.precedence(Integer.parseInt(text(e, "precedence").trim()));
        } catch (NumberFormatException ex) {
            report(ProblemCode.WRONG_TYPE, "<precedence> is not a whole number: '" + text(e, "precedence") + "'");
        }
        b.passwordSync(Boolean.parseBoolean(text(e, "EnablePasswordSync").trim()));
        Xml.child(e, "attribute-mappings")
                .ifPresent(m -> Xml.children(m, "mapping").forEach(x -> mapping(x, b)));
        Xml.child(e, "relationshipCriteria")
                .ifPresent(r -> Xml.children(r, "conditions").forEach(c -> joinGroup(c, direction, b)));
        Xml.child(e, "synchronizationCriteria").ifPresent(s -> b.scope(scope(s)));
        if (failed) {
            return Optional.empty();
        }
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException | NullPointerException ex) {
            report(ProblemCode.INVALID_VALUE, ex.getMessage());
            return Optional.empty();
        }
    }

    private void mapping(Element m, SyncRule.Builder b) {
        String dest = text(m, "dest").trim();
        Optional<Element> src = Xml.child(m, "src");
        List<String> attrs = src.map(s -> Xml.children(s, "attr").stream()
                        .map(a -> a.getTextContent().trim())
                        .toList())
                .orElse(List.of());
        Optional<String> expression = Xml.text(m, "expression");
        MergeType merge = Xml.text(m, "valueMergeType")
                .map(v -> choiceOf("valueMergeType", v, MergeType::parse))
                .orElse(MergeType.UPDATE);
        boolean once = Boolean.parseBoolean(m.getAttribute("execute-once"));
        try {
            Transformation t;
            if (expression.isPresent()) {
                t = Transformation.expression(dest, expression.get(), attrs.toArray(String[]::new));
            } else if (src.isPresent() && !Xml.children(src.get()).isEmpty()) {
                if (attrs.size() != 1) {
                    report(
                            ProblemCode.INVALID_VALUE,
                            "mapping to '" + dest + "' has " + attrs.size()
                                    + " source attributes and no expression; a direct flow has exactly one");
                    return;
                }
                t = Transformation.direct(dest, attrs.get(0));
            } else if (src.isPresent()) {
                t = Transformation.constant(dest, src.get().getTextContent());
            } else {
                report(ProblemCode.MISSING_KEY, "mapping to '" + dest + "' has neither <src> nor <expression>");
                return;
            }
            if (merge != null) {
                b.transformation(t.withMergeType(merge).withApplyOnce(once));
            }
        } catch (ExpressionSyntaxException ex) {
            report(
                    ProblemCode.EXPRESSION_ERROR,
                    "flow to '" + dest + "': " + ex.problem() + " (expression line " + ex.line() + ", column "
                            + ex.column() + ")");
        } catch (IllegalArgumentException ex) {
            report(ProblemCode.INVALID_VALUE, ex.getMessage());
        }
    }

    private void joinGroup(Element conditions, Direction direction, SyncRule.Builder b) {
        List<JoinCondition> group = new ArrayList<>();
        for (Element c : Xml.children(conditions, "condition")) {
            String cs = text(c, "csAttribute").trim();
            String mv = text(c, "ilmAttribute").trim();
            boolean caseSensitive = Boolean.parseBoolean(
                    Xml.text(c, "caseSensitive").orElse("false").trim());
            boolean inbound = direction != Direction.OUTBOUND;
            group.add(new JoinCondition(inbound ? cs : mv, inbound ? mv : cs, caseSensitive));
        }
        if (!group.isEmpty()) {
            b.joinGroup(new JoinGroup(group));
        }
    }

    private ScopeFilter scope(Element criteria) {
        List<List<ScopeClause>> groups = new ArrayList<>();
        for (Element conditions : Xml.children(criteria, "conditions")) {
            List<ScopeClause> group = new ArrayList<>();
            for (Element s : Xml.children(conditions, "scope")) {
                ScopeOperator op = choiceOf("csOperator", text(s, "csOperator"), ScopeOperator::parse);
                if (op != null) {
                    group.add(new ScopeClause(text(s, "csAttribute").trim(), op, text(s, "csValue")));
                }
            }
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return groups.isEmpty() ? ScopeFilter.ALL : new ScopeFilter(groups);
    }

    private <T> T choice(Element e, String element, Function<String, Optional<T>> parse) {
        return choiceOf(element, text(e, element), parse);
    }

    private <T> T choiceOf(String element, String value, Function<String, Optional<T>> parse) {
        Optional<T> parsed = parse.apply(value.trim());
        if (parsed.isEmpty()) {
            report(ProblemCode.INVALID_VALUE, "<" + element + "> has an unknown value '" + value.trim() + "'");
        }
        return parsed.orElse(null);
    }

    private static String text(Element e, String element) {
        return Xml.text(e, element).orElse("");
    }

    private void report(ProblemCode code, String message) {
        if (code != ProblemCode.UNSUPPORTED_ELEMENT) {
            failed = true;
        }
        problems.add(new Problem(file, 0, 0, ruleName.isEmpty() ? null : ruleName, message, code));
    }
}
