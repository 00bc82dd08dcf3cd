package dev.joinery.engine.rules;

import dev.joinery.expr.ast.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks that a rule's connector, object types and every attribute it names exist in the schemas: scope clauses,
 * join conditions, flow sources and targets, and the attributes inside expressions ({@code [name]}, and the quoted
 * name given to {@code ImportedValue} and {@code ValueCount}). Names compare case-sensitively. Every connector
 * object has its distinguished name {@code dn}, which rules read ({@code CRef([dn])}) and write (the outbound
 * {@code dn} flow) although no schema lists it.
 */
final class AttributeChecker {
    static final String DN = "dn";

    private final LoadedRule loaded;
    private final SyncRule rule;
    private final RuleSchemas schemas;
    private final Consumer<Problem> out;

    private AttributeChecker(LoadedRule loaded, RuleSchemas schemas, Consumer<Problem> out) {
        this.loaded = loaded;
        this.rule = loaded.rule();
        this.schemas = schemas;
        this.out = out;
    }

    static void check(LoadedRule rule, RuleSchemas schemas, Consumer<Problem> out) {
        new AttributeChecker(rule, schemas, out).check();
    }

    /** The attributes one side of a rule may name, or null when that side is not checked. */
    private record Side(Set<String> names, String where) {}

    private void check() {
        DirectorySchema connector = connectorSchema();
        DirectorySchema metaverse = schemas.metaverse();
        boolean inbound = rule.direction() == Direction.INBOUND;
        Side source = side(inbound ? connector : metaverse, !inbound, rule.sourceObjectType(), "sourceObjectType");
        Side target = side(inbound ? metaverse : connector, inbound, rule.targetObjectType(), "targetObjectType");
        List<List<ScopeClause>> groups = rule.scope().groups();
        for (int g = 0; g < groups.size(); g++) {
            for (int c = 0; c < groups.get(g).size(); c++) {
                attribute(source, groups.get(g).get(c).attribute(), "scope[" + g + "][" + c + "].attribute", "scope");
            }
        }
        for (int g = 0; g < rule.join().size(); g++) {
            List<JoinCondition> conditions = rule.join().get(g).conditions();
            for (int c = 0; c < conditions.size(); c++) {
                String path = "join[" + g + "][" + c + "]";
                attribute(source, conditions.get(c).sourceAttribute(), path + ".source", "join source");
                attribute(target, conditions.get(c).targetAttribute(), path + ".target", "join target");
            }
        }
        for (int i = 0; i < rule.transformations().size(); i++) {
            Transformation t = rule.transformations().get(i);
            String path = "flows[" + i + "]";
            attribute(target, t.target(), path + ".target", "flow target");
            if (t.flowType() == FlowType.DIRECT) {
                attribute(source, t.sources().get(0), path + ".direct", "flow source");
            }
            for (int s = 0; s < t.sources().size() && t.flowType() == FlowType.EXPRESSION; s++) {
                attribute(source, t.sources().get(s), path + ".sources[" + s + "]", "flow source");
            }
            if (t.flowType() == FlowType.EXPRESSION && source != null) {
                SourcePosition start = loaded.source().locate(path + ".expression");
                walk(t.expression().ast(), ref -> {
                    if (!source.names().contains(ref.name)) {
                        SourcePosition at = ExpressionPositions.inFile(start, ref.line, ref.column);
                        unknown(source, ref.name, at, "expression of the flow to '" + t.target() + "'");
                    }
                });
            }
        }
    }

    private DirectorySchema connectorSchema() {
        if (schemas.connectors().isEmpty()) {
            return null;
        }
        DirectorySchema schema = schemas.connectors().get(rule.connector());
        if (schema == null) {
            report(
                    "connector",
                    ProblemCode.UNKNOWN_CONNECTOR,
                    "unknown connector '" + rule.connector() + "'"
                            + Suggest.didYouMean(
                                    rule.connector(), schemas.connectors().keySet()));
        }
        return schema;
    }

    private Side side(DirectorySchema schema, boolean metaverse, String type, String key) {
        if (schema == null) {
            return null;
        }
        String owner = metaverse ? "metaverse" : "connector '" + rule.connector() + "'";
        if (metaverse && type.equals("*")) {
            Set<String> all = new LinkedHashSet<>();
            schema.objectTypes().values().forEach(attributes -> all.addAll(attributes.keySet()));
            return new Side(all, "any metaverse object type");
        }
        if (!schema.hasObjectType(type)) {
            report(
                    key,
                    ProblemCode.UNKNOWN_OBJECT_TYPE,
                    "unknown object type '" + type + "' in the " + owner
                            + Suggest.didYouMean(type, schema.objectTypes().keySet()));
            return null;
        }
        Set<String> names = new LinkedHashSet<>(schema.attributeNames(type));
        if (!metaverse) {
            names.add(DN);
        }
        return new Side(names, owner + " object type '" + type + "'");
    }

    private void attribute(Side side, String name, String path, String role) {
        if (side != null && !side.names().contains(name)) {
            unknown(side, name, loaded.source().locate(path), role);
        }
    }

    private void unknown(Side side, String name, SourcePosition at, String role) {
        String hint = Suggest.closest(name, side.names())
                .map(c -> c.equalsIgnoreCase(name)
                        ? "; did you mean '" + c + "'? (attribute names are case-sensitive)"
                        : "; did you mean '" + c + "'?")
                .orElse("");
        out.accept(new Problem(
                loaded.source().file(),
                at.line(),
                at.column(),
                rule.name(),
                "unknown attribute '" + name + "' in " + role + ": not an attribute of " + side.where() + hint,
                ProblemCode.UNKNOWN_ATTRIBUTE));
    }

    private void report(String path, ProblemCode code, String message) {
        SourcePosition at = loaded.source().locate(path);
        out.accept(new Problem(loaded.source().file(), at.line(), at.column(), rule.name(), message, code));
    }

    /** An attribute named in an expression, with its position inside the expression text. */
    record Ref(String name, int line, int column) {}

    /** Every attribute an expression names, in source order. */
    static void walk(Node node, Consumer<Ref> visit) {
        if (node instanceof Node.AttributeRef a) {
            visit.accept(new Ref(a.name(), a.span().line(), a.span().column()));
        } else if (node instanceof Node.Call call) {
            if ((call.name().equals("ImportedValue") || call.name().equals("ValueCount"))
                    && !call.arguments().isEmpty()
                    && call.arguments().get(0) instanceof Node.StringLiteral s) {
                visit.accept(new Ref(s.value(), s.span().line(), s.span().column()));
            }
            call.arguments().forEach(arg -> walk(arg, visit));
        } else if (node instanceof Node.Binary b) {
            walk(b.left(), visit);
            walk(b.right(), visit);
        } else if (node instanceof Node.Negate n) {
            walk(n.operand(), visit);
        } else if (node instanceof Node.Group g) {
            walk(g.inner(), visit);
        }
    }
}
