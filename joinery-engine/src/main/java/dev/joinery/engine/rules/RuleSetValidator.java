package dev.joinery.engine.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a set of rules against the schemas and against each other. Reports, with stable codes:
 *
 * <ul>
 *   <li>{@link ProblemCode#UNKNOWN_CONNECTOR}, {@link ProblemCode#UNKNOWN_OBJECT_TYPE},
 *       {@link ProblemCode#UNKNOWN_ATTRIBUTE} (see {@link AttributeChecker});
 *   <li>{@link ProblemCode#DUPLICATE_RULE_NAME} and {@link ProblemCode#DUPLICATE_FLOW_TARGET};
 *   <li>{@link ProblemCode#MULTIPLE_JOIN_RULES}: "An object should only have one single sync rule with join rules in
 *       scope. If there are multiple sync rules where join is defined, an error occurs." Two enabled rules of one
 *       connector, direction and source object type (outbound: and one target object type) that both have join
 *       groups are reported unless their scopes are provably disjoint ({@link ScopeOverlap}) or their join groups
 *       are the same list. Both exceptions come from the shipped rule set, which Azure AD Connect runs without
 *       error: seven "Out to AAD - Group ..." rules join on {@code sourceAnchor = sourceAnchor} with overlapping
 *       scopes (rules that join by the same criteria cannot disagree about the match), and "Out to AD - Contact
 *       Join" (empty scope, {@code mail = mail}) is in scope for every person together with "Out to AD - User Join
 *       SOAInAD" (by SIDs): an outbound join looks for its partner among the connector objects of its target type,
 *       so rules with different target types do not compete;
 *   <li>{@link ProblemCode#DUPLICATE_PRECEDENCE}: two enabled rules of one direction with one precedence, since "The
 *       rule with highest precedence, lowest numeric value, is going to contribute the attribute in a conflict" and
 *       a tie leaves the conflict undecided;
 *   <li>{@link ProblemCode#MERGE_TYPE_MISMATCH}: "all sync rules in scope for an object must use the same merge
 *       type" for one target attribute (Replace counts as Update). Rules of different connectors or source types are
 *       taken to meet on one target object; rules of the same connector and source type only when their scopes may
 *       overlap.
 * </ul>
 *
 * Problems come sorted by file, line and column. Stateless and thread-safe.
 */
public final class RuleSetValidator {
    private RuleSetValidator() {}

    /** Validates rules that did not come from files. */
    public static List<Problem> validateRules(List<SyncRule> rules, RuleSchemas schemas) {
        return validate(rules.stream().map(LoadedRule::of).toList(), schemas);
    }

    /** Validates loaded rules; problems point at the file positions their sources recorded. */
    public static List<Problem> validate(List<LoadedRule> rules, RuleSchemas schemas) {
        Objects.requireNonNull(schemas, "schemas");
        List<Problem> problems = new ArrayList<>();
        for (LoadedRule r : rules) {
            AttributeChecker.check(r, schemas, problems::add);
            duplicateTargets(r, problems);
        }
        duplicateNames(rules, problems);
        List<LoadedRule> enabled =
                rules.stream().filter(r -> !r.rule().disabled()).toList();
        multipleJoinRules(enabled, problems);
        duplicatePrecedence(enabled, problems);
        mergeTypes(enabled, problems);
        problems.sort(Comparator.comparing(Problem::file, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        return problems;
    }

    private static void duplicateTargets(LoadedRule r, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        List<Transformation> flows = r.rule().transformations();
        for (int i = 0; i < flows.size(); i++) {
            Integer first = seen.putIfAbsent(flows.get(i).target(), i);
            if (first != null) {
                problems.add(problem(
                        r,
                        "flows[" + i + "].target",
                        ProblemCode.DUPLICATE_FLOW_TARGET,
                        "flows to '" + flows.get(i).target() + "' twice (flows " + (first + 1) + " and " + (i + 1)
                                + "); keep one"));
            }
        }
    }

    private static void duplicateNames(List<LoadedRule> rules, List<Problem> problems) {
        Map<String, LoadedRule> byName = new HashMap<>();
        for (LoadedRule r : rules) {
            LoadedRule first = byName.putIfAbsent(r.rule().name(), r);
            if (first != null) {
                problems.add(problem(
                        r, "name", ProblemCode.DUPLICATE_RULE_NAME, "another rule has the same name" + at(first)));
            }
        }
    }

    private static void multipleJoinRules(List<LoadedRule> rules, List<Problem> problems) {
        List<LoadedRule> joining =
                rules.stream().filter(r -> r.rule().hasJoin()).toList();
        for (int j = 0; j < joining.size(); j++) {
            SyncRule b = joining.get(j).rule();
            for (int i = 0; i < j; i++) {
                SyncRule a = joining.get(i).rule();
                if (sameJoinTarget(a, b)
                        && !a.join().equals(b.join())
                        && ScopeOverlap.mayOverlap(a.scope(), b.scope())) {
                    problems.add(problem(
                            joining.get(j),
                            "join",
                            ProblemCode.MULTIPLE_JOIN_RULES,
                            "has join rules, and so has rule '" + a.name() + "'" + at(joining.get(i))
                                    + "; an object of " + describe(b)
                                    + " can be in scope of both, and only one rule with"
                                    + " join rules may be in scope for an object (make the scopes exclusive, e.g."
                                    + " EQUAL on one attribute with different values, or move the join groups into"
                                    + " one rule)"));
                    break;
                }
            }
        }
    }

    private static void duplicatePrecedence(List<LoadedRule> rules, List<Problem> problems) {
        Map<String, LoadedRule> seen = new HashMap<>();
        for (LoadedRule r : rules) {
            LoadedRule first =
                    seen.putIfAbsent(r.rule().direction() + "/" + r.rule().precedence(), r);
            if (first != null) {
                problems.add(problem(
                        r,
                        "precedence",
                        ProblemCode.DUPLICATE_PRECEDENCE,
                        "precedence " + r.rule().precedence() + " is also used by "
                                + r.rule().direction().displayName().toLowerCase(java.util.Locale.ROOT) + " rule '"
                                + first.rule().name() + "'" + at(first)
                                + "; give each rule of one direction its own precedence so conflicts have one winner"));
            }
        }
    }

    private record Contribution(LoadedRule rule, int flow, MergeType merge) {}

    private static void mergeTypes(List<LoadedRule> rules, List<Problem> problems) {
        Map<String, List<Contribution>> byTarget = new LinkedHashMap<>();
        for (LoadedRule r : rules) {
            SyncRule rule = r.rule();
            String side = rule.direction() == Direction.INBOUND ? "metaverse" : "connector " + rule.connector();
            List<Transformation> flows = rule.transformations();
            for (int i = 0; i < flows.size(); i++) {
                String key = rule.direction() + "|" + side + "|" + rule.targetObjectType() + "|"
                        + flows.get(i).target();
                byTarget.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Contribution(r, i, flows.get(i).mergeType().behaviour()));
            }
        }
        for (List<Contribution> list : byTarget.values()) {
            for (int j = 0; j < list.size(); j++) {
                Contribution b = list.get(j);
                for (int i = 0; i < j; i++) {
                    Contribution a = list.get(i);
                    if (a.merge() != b.merge()
                            && mayMeet(a.rule().rule(), b.rule().rule())) {
                        Transformation flow = b.rule().rule().transformations().get(b.flow());
                        problems.add(problem(
                                b.rule(),
                                "flows[" + b.flow() + "].target",
                                ProblemCode.MERGE_TYPE_MISMATCH,
                                "flows to '" + flow.target() + "' with merge type "
                                        + flow.mergeType().displayName() + ", but rule '"
                                        + a.rule().rule().name() + "'"
                                        + at(a.rule()) + " uses "
                                        + a.rule()
                                                .rule()
                                                .transformations()
                                                .get(a.flow())
                                                .mergeType()
                                                .displayName()
                                        + "; all sync rules in scope for an object must use the same merge type"));
                        break;
                    }
                }
            }
        }
    }

    /**
     * Whether two join rules look for a partner of one and the same object: inbound, the connector object they
     * read (it "can be linked to only one metaverse object"); outbound, the metaverse object they read among the
     * connector objects of one target type.
     */
    private static boolean sameJoinTarget(SyncRule a, SyncRule b) {
        return sameSource(a, b)
                && (a.direction() == Direction.INBOUND || a.targetObjectType().equals(b.targetObjectType()));
    }

    private static boolean mayMeet(SyncRule a, SyncRule b) {
        return !sameSource(a, b) || ScopeOverlap.mayOverlap(a.scope(), b.scope());
    }

    private static boolean sameSource(SyncRule a, SyncRule b) {
        return a.connector().equals(b.connector())
                && a.direction() == b.direction()
                && a.sourceObjectType().equals(b.sourceObjectType());
    }

    private static String describe(SyncRule r) {
        return r.direction() == Direction.INBOUND
                ? "type '" + r.sourceObjectType() + "' in connector '" + r.connector() + "'"
                : "metaverse type '" + r.sourceObjectType() + "' going out to connector '" + r.connector() + "'";
    }

    private static String at(LoadedRule r) {
        RuleSource s = r.source();
        if (s.file() == null) {
            return "";
        }
        SourcePosition p = s.locate("");
        return " (" + s.file() + (p.line() > 0 ? ":" + p.line() : "") + ")";
    }

    private static Problem problem(LoadedRule r, String path, ProblemCode code, String message) {
        SourcePosition at = r.source().locate(path);
        return new Problem(r.source().file(), at.line(), at.column(), r.rule().name(), message, code);
    }
}
