package dev.joinery.engine.rules;

import dev.joinery.engine.rules.YamlTree.ListNode;
import dev.joinery.engine.rules.YamlTree.MapNode;
import dev.joinery.engine.rules.YamlTree.Node;
import dev.joinery.engine.rules.YamlTree.Scalar;
import dev.joinery.expr.ExpressionSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads sync rules from YAML: a file holds one rule (a mapping) or several (a list of mappings). Every problem
 * in the file is reported with its line and column; a rule with a problem of its own is left out of the result,
 * the others are kept. See {@link RuleYamlWriter} for the format. Stateless and thread-safe.
 */
public final class RuleYamlReader {
    static final List<String> RULE_KEYS = List.of(
            "name",
            "description",
            "connector",
            "direction",
            "sourceObjectType",
            "targetObjectType",
            "linkType",
            "precedence",
            "disabled",
            "outOfBoxTag",
            "passwordSync",
            "id",
            "aadc",
            "scope",
            "join",
            "flows");
    static final List<String> CLAUSE_KEYS = List.of("attribute", "operator", "value");
    static final List<String> CONDITION_KEYS = List.of("source", "target", "caseSensitive");
    static final List<String> FLOW_KEYS =
            List.of("target", "direct", "constant", "expression", "sources", "merge", "applyOnce");

    private static final List<String> DIRECTIONS =
            Arrays.stream(Direction.values()).map(Direction::displayName).toList();
    private static final List<String> LINK_TYPES =
            Arrays.stream(LinkType.values()).map(LinkType::displayName).toList();
    private static final List<String> MERGE_TYPES =
            Arrays.stream(MergeType.values()).map(MergeType::displayName).toList();
    private static final List<String> OPERATORS = Arrays.stream(ScopeOperator.values())
            .map(ScopeOperator::displayName)
            .toList();

    private RuleYamlReader() {}

    /** Reads a file; an unreadable file is one {@link ProblemCode#IO_ERROR} problem. */
    public static RuleLoadResult read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            return new RuleLoadResult(
                    List.of(),
                    List.of(new Problem(file.toString(), 0, 0, null, "cannot read: " + e, ProblemCode.IO_ERROR)));
        }
    }

    /**
     * Reads YAML text.
     *
     * @param fileName how problems name the file; may be null
     */
    public static RuleLoadResult read(String text, String fileName) {
        YamlFields.Sink sink = new YamlFields.Sink(fileName);
        List<LoadedRule> rules = new ArrayList<>();
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.SyntaxError e) {
            sink.report(e.position, ProblemCode.SYNTAX_ERROR, e.getMessage());
            return new RuleLoadResult(rules, sink.problems);
        }
        if (root == null) {
            sink.report(new SourcePosition(1, 1), ProblemCode.MISSING_KEY, "the file holds no rule");
        } else if (root instanceof MapNode map) {
            readRule(map, sink).ifPresent(rules::add);
        } else if (root instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode map) {
                    readRule(map, sink).ifPresent(rules::add);
                } else {
                    sink.ruleName = null;
                    sink.report(
                            item.position(),
                            ProblemCode.WRONG_TYPE,
                            "a rule must be a mapping, found " + item.describe());
                }
            }
        } else {
            sink.report(
                    root.position(),
                    ProblemCode.WRONG_TYPE,
                    "expected a rule (a mapping) or a list of rules, found " + root.describe());
        }
        List<Problem> problems = new ArrayList<>(sink.problems);
        problems.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return new RuleLoadResult(rules, problems);
    }

    private static Optional<LoadedRule> readRule(MapNode map, YamlFields.Sink sink) {
        sink.startRule(map.position());
        // the name first, so that every later problem names the rule
        map.entries().stream()
                .filter(e -> e.key().equals("name") && e.value() instanceof Scalar s && !s.isNull())
                .findFirst()
                .ifPresent(e -> sink.ruleName = ((Scalar) e.value()).text());
        YamlFields f = new YamlFields(map, "", "rule", RULE_KEYS, sink);
        SyncRule.Builder b =
                SyncRule.builder(f.text("name", "the rule's unique name").orElse(""));
        f.text("description", null).ifPresent(b::description);
        f.text("connector", "the name of the connector the rule belongs to").ifPresent(b::connector);
        f.choice("direction", "Inbound or Outbound", Direction::parse, DIRECTIONS)
                .ifPresent(b::direction);
        f.text("sourceObjectType", "the object type the rule reads").ifPresent(b::sourceObjectType);
        f.text("targetObjectType", "the object type the rule writes").ifPresent(b::targetObjectType);
        f.choice("linkType", null, LinkType::parse, LINK_TYPES).ifPresent(b::linkType);
        f.integer("precedence", "a whole number; lower wins").ifPresent(b::precedence);
        b.disabled(f.bool("disabled"));
        f.text("outOfBoxTag", null).ifPresent(b::outOfBoxTag);
        b.passwordSync(f.bool("passwordSync"));
        f.text("id", null).ifPresent(b::id);
        f.node("aadc").ifPresent(n -> readExtras(n, f, b, sink));
        b.scope(readScope(f, sink));
        readJoin(f, sink).forEach(b::joinGroup);
        List<Node> flows = f.list("flows", "a list of flows");
        for (int i = 0; i < flows.size(); i++) {
            readFlow(flows.get(i), "flows[" + i + "]", sink).ifPresent(b::transformation);
        }
        if (sink.ruleHasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoadedRule(b.build(), new RuleSource(sink.file, sink.positions)));
        } catch (IllegalArgumentException | NullPointerException e) {
            sink.report(map.position(), ProblemCode.INVALID_VALUE, e.getMessage());
            return Optional.empty();
        }
    }

    private static void readExtras(Node node, YamlFields f, SyncRule.Builder b, YamlFields.Sink sink) {
        if (!(node instanceof MapNode map)) {
            f.wrongType("aadc", node, "a mapping of Azure AD Connect element names to text");
            return;
        }
        for (YamlTree.Entry e : map.entries()) {
            if (e.value() instanceof Scalar s && !s.isNull()) {
                b.aadcExtra(e.key(), s.text());
            } else {
                sink.report(
                        e.value().position(),
                        ProblemCode.WRONG_TYPE,
                        "'aadc." + e.key() + "' must be text, found "
                                + e.value().describe());
            }
        }
    }

    private static ScopeFilter readScope(YamlFields f, YamlFields.Sink sink) {
        List<List<ScopeClause>> groups = new ArrayList<>();
        List<Node> items = f.list("scope", "a list of groups, each a list of clauses");
        for (int g = 0; g < items.size(); g++) {
            List<ScopeClause> group = new ArrayList<>();
            List<MapNode> clauses = groupItems(items.get(g), "scope", "clause", sink);
            for (int i = 0; i < clauses.size(); i++) {
                MapNode m = clauses.get(i);
                String path = "scope[" + g + "][" + i + "]";
                sink.positions.put(path, m.position());
                YamlFields c = new YamlFields(m, path, "scope clause", CLAUSE_KEYS, sink);
                Optional<String> attribute = c.text("attribute", "the source attribute tested");
                Optional<ScopeOperator> op =
                        c.choice("operator", "one of " + String.join(", ", OPERATORS), ScopeOperator::parse, OPERATORS);
                Optional<String> value = c.text("value", null);
                if (op.isPresent() && op.get().takesValue() && value.isEmpty()) {
                    c.missing("value", "the value " + op.get() + " compares with");
                }
                if (attribute.isPresent() && op.isPresent()) {
                    group.add(new ScopeClause(attribute.get(), op.get(), value.orElse("")));
                }
            }
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return groups.isEmpty() ? ScopeFilter.ALL : new ScopeFilter(groups);
    }

    private static List<JoinGroup> readJoin(YamlFields f, YamlFields.Sink sink) {
        List<JoinGroup> groups = new ArrayList<>();
        List<Node> items = f.list("join", "a list of groups, each a list of conditions");
        for (int g = 0; g < items.size(); g++) {
            List<JoinCondition> group = new ArrayList<>();
            List<MapNode> conditions = groupItems(items.get(g), "join", "condition", sink);
            for (int i = 0; i < conditions.size(); i++) {
                String path = "join[" + g + "][" + i + "]";
                sink.positions.put(path, conditions.get(i).position());
                YamlFields c = new YamlFields(conditions.get(i), path, "join condition", CONDITION_KEYS, sink);
                Optional<String> source = c.text("source", "the source object's attribute");
                Optional<String> target = c.text("target", "the target object's attribute");
                boolean caseSensitive = c.bool("caseSensitive");
                if (source.isPresent() && target.isPresent()) {
                    group.add(new JoinCondition(source.get(), target.get(), caseSensitive));
                }
            }
            if (!group.isEmpty()) {
                groups.add(new JoinGroup(group));
            }
        }
        return groups;
    }

    /** The mappings of one scope or join group, reporting a group that is not a list of mappings. */
    private static List<MapNode> groupItems(Node group, String key, String item, YamlFields.Sink sink) {
        List<MapNode> out = new ArrayList<>();
        if (!(group instanceof ListNode list)) {
            String hint = group instanceof MapNode
                    ? " (for a single group, wrap its " + item + "s in one more list: " + key + ": [[{...}, {...}]])"
                    : "";
            sink.report(
                    group.position(),
                    ProblemCode.WRONG_TYPE,
                    "each '" + key + "' group must be a list of " + item + "s, found " + group.describe() + hint);
            return out;
        }
        if (list.items().isEmpty()) {
            sink.report(
                    group.position(),
                    ProblemCode.INVALID_VALUE,
                    "a '" + key + "' group must have at least one " + item);
        }
        for (Node n : list.items()) {
            if (n instanceof MapNode m) {
                out.add(m);
            } else {
                sink.report(
                        n.position(),
                        ProblemCode.WRONG_TYPE,
                        "a " + item + " must be a mapping, found " + n.describe());
            }
        }
        return out;
    }

    private static Optional<Transformation> readFlow(Node node, String path, YamlFields.Sink sink) {
        if (!(node instanceof MapNode map)) {
            sink.report(node.position(), ProblemCode.WRONG_TYPE, "a flow must be a mapping, found " + node.describe());
            return Optional.empty();
        }
        sink.positions.put(path, map.position());
        YamlFields f = new YamlFields(map, path, "flow", FLOW_KEYS, sink);
        Optional<String> target = f.text("target", "the attribute the flow writes");
        String flow = "flow to '" + target.orElse("?") + "'";
        List<String> kinds = List.of("direct", "constant", "expression").stream()
                .filter(f::has)
                .toList();
        if (kinds.isEmpty()) {
            f.missing("direct", flow + " needs one of direct, constant or expression");
        } else if (kinds.size() > 1) {
            f.invalid(kinds.get(1), flow + " has both " + kinds.get(0) + " and " + kinds.get(1) + "; give exactly one");
        }
        List<String> sources = new ArrayList<>();
        List<Node> sourceNodes = f.list("sources", "a list of attribute names");
        for (int i = 0; i < sourceNodes.size(); i++) {
            Node n = sourceNodes.get(i);
            if (n instanceof Scalar s && !s.isNull()) {
                sources.add(s.text());
                sink.positions.put(path + ".sources[" + i + "]", s.contentStart());
            } else {
                sink.report(
                        n.position(),
                        ProblemCode.WRONG_TYPE,
                        flow + ": a source must be an attribute name, found " + n.describe());
            }
        }
        MergeType merge = f.choice("merge", null, MergeType::parse, MERGE_TYPES).orElse(MergeType.UPDATE);
        boolean once = f.bool("applyOnce");
        if (target.isEmpty() || kinds.size() != 1) {
            return Optional.empty();
        }
        String kind = kinds.get(0);
        if (!kind.equals("expression") && f.has("sources")) {
            f.invalid(
                    "sources",
                    flow + ": 'sources' belongs to expression flows; a " + kind + " flow "
                            + (kind.equals("direct") ? "names its one source in 'direct'" : "has no source"));
            return Optional.empty();
        }
        Optional<String> value = f.text(kind, null);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Transformation t;
            switch (kind) {
                case "direct":
                    t = Transformation.direct(target.get(), value.get());
                    break;
                case "constant":
                    t = Transformation.constant(target.get(), value.get());
                    break;
                default:
                    t = Transformation.expression(target.get(), value.get(), sources.toArray(String[]::new));
            }
            return Optional.of(t.withMergeType(merge).withApplyOnce(once));
        } catch (ExpressionSyntaxException e) {
            SourcePosition at = ExpressionPositions.inFile(
                    f.scalar("expression").orElseThrow().contentStart(), e.line(), e.column());
            sink.report(
                    at,
                    ProblemCode.EXPRESSION_ERROR,
                    flow + ": " + e.problem() + " (expression line " + e.line() + ", column " + e.column() + ")");
        } catch (IllegalArgumentException e) {
            f.invalid(kind, e.getMessage());
        }
        return Optional.empty();
    }
}
