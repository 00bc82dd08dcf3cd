package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.Link;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.FlowType;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.expr.EvaluationContext;
import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One batch of a synchronization: the open transaction, the run's log, and the work the batch found on its way (metaverse
 * objects to recompute because a reference they wait for arrived, metaverse objects to send outbound). Not thread-safe.
 */
final class SyncSession {
    final SyncSettings settings;
    final SyncTransaction tx;
    final RunLog log;
    final SyncTrace trace;
    /** Full synchronization: every metaverse object reached goes outbound, changed or not. */
    final boolean full;

    final Set<UUID> recompute = new LinkedHashSet<>();
    final Set<UUID> outbound = new LinkedHashSet<>();
    final Inbound inbound;
    final Outbound outboundSync;

    SyncSession(SyncSettings settings, SyncTransaction tx, RunLog log, SyncTrace trace, boolean full) {
        this.settings = settings;
        this.tx = tx;
        this.log = log;
        this.trace = trace;
        this.full = full;
        this.inbound = new Inbound(this);
        this.outboundSync = new Outbound(this);
    }

    /**
     * Works off what the batch queued: recomputes metaverse objects whose references may resolve now, and runs
     * outbound synchronization for changed ones, until nothing is left (an object is handled at most a few times).
     */
    void drain() {
        java.util.Map<UUID, Integer> rounds = new java.util.HashMap<>();
        while (!recompute.isEmpty() || !outbound.isEmpty()) {
            List<UUID> again = new ArrayList<>(recompute);
            recompute.clear();
            for (UUID id : again) {
                if (rounds.merge(id, 1, Integer::sum) <= 3) {
                    inbound.recompute(id, null);
                }
            }
            List<UUID> out = new ArrayList<>(outbound);
            outbound.clear();
            for (UUID id : out) {
                if (rounds.merge(id, 1, Integer::sum) <= 6) {
                    outboundSync.sync(id);
                }
            }
        }
    }

    /** The rules among {@code rules} whose scope holds for the object, reported to the trace. */
    List<SyncRule> inScope(
            List<SyncRule> rules,
            Map<String, List<AttributeValue>> attributes,
            String dn,
            String object,
            Predicate<String> memberOf) {
        List<SyncRule> result = new ArrayList<>();
        for (SyncRule r : rules) {
            Scoping.Result s = Scoping.evaluate(
                    r.scope(),
                    attributes,
                    dn,
                    settings.requireConnector(r.connector()).parameterValues(),
                    memberOf);
            trace.scope(r, object, s.inScope(), s.reason());
            if (s.inScope()) {
                result.add(r);
            }
        }
        return result;
    }

    /**
     * Whether flows of {@code direction} may reach an object with this link: "An object must have a join rule in scope
     * for attributes to flow with the same inbound/outbound direction." The rule that made the link counts when the
     * link was made in this direction; otherwise a rule of this direction with join conditions or link type
     * Provision must be in scope (the rule that would have joined or provisioned it). Rules without join conditions
     * then contribute their flows beside it.
     *
     * @param inScope the rules of {@code direction} in scope for the object, for its object type
     */
    static boolean joinRuleInScope(Link link, Direction direction, List<SyncRule> inScope) {
        if (link.direction() == direction) {
            return inScope.stream().anyMatch(r -> r.name().equals(link.rule()));
        }
        return inScope.stream().anyMatch(r -> r.hasJoin() || r.linkType() == LinkType.PROVISION);
    }

    /** Whether a connector-space object is a member of the group with this DN in its own connector space. */
    Predicate<String> memberOf(CsObject cs) {
        return groupDn -> tx.csByDn(cs.connector(), groupDn)
                .map(g -> g.values("member").stream()
                        .anyMatch(v -> v instanceof AttributeValue.Reference r && r.dn().equalsIgnoreCase(cs.dn())))
                .orElse(false);
    }

    /**
     * Whether a metaverse object is a direct member of a metaverse group, for ISMEMBEROF / ISNOTMEMBEROF in outbound
     * scoping: the group's {@code member} holds a reference to the object. The reference asks for "a DN to a group in
     * the connector space"; for an outbound rule the clause value names the group as either
     *
     * <ul>
     *   <li>the metaverse id of the group, or
     *   <li>a DN in a connector space whose object is linked to the group: the rule's own (target) connector space
     *       first, then the others in configuration order, so a source group such as {@code
     *       CN=CloudPilot,OU=Groups,DC=contoso,DC=com} in the AD connector space works before the group was ever
     *       provisioned to the target.
     * </ul>
     *
     * A value that names no metaverse group makes ISMEMBEROF false and ISNOTMEMBEROF true. Nested groups are not
     * expanded.
     */
    Predicate<String> memberOf(MvObject mv, String ruleConnector) {
        String self = mv.id().toString();
        return group -> groupId(group, ruleConnector)
                .flatMap(tx::mv)
                .map(g -> g.values("member").stream()
                        .anyMatch(v -> v instanceof AttributeValue.Reference r && r.dn().equalsIgnoreCase(self)))
                .orElse(false);
    }

    private Optional<UUID> groupId(String group, String ruleConnector) {
        try {
            return Optional.of(UUID.fromString(group.strip()));
        } catch (IllegalArgumentException notAnId) {
            // a DN
        }
        List<String> order = new ArrayList<>();
        order.add(ruleConnector);
        settings.connectors().stream()
                .map(ConnectorSettings::name)
                .filter(n -> !n.equals(ruleConnector))
                .forEach(order::add);
        for (String connector : order) {
            Optional<UUID> linked = tx.csByDn(connector, group)
                    .filter(CsObject::isLinked)
                    .map(cs -> cs.link().mvId());
            if (linked.isPresent()) {
                return linked;
            }
        }
        return Optional.empty();
    }

    EvaluationContext csContext(CsObject cs, SyncRule rule) {
        ConnectorSettings c = settings.requireConnector(cs.connector());
        return new ObjectEvaluationContext(
                Changes.expected(cs, tx.pendingExport(cs.id()).orElse(null)),
                cs.attributes(),
                cs.dn(),
                settings.requireConnector(rule.connector()).parameterValues(),
                a -> c.multiValued(cs.objectType(), a),
                settings.clock(),
                settings.random());
    }

    EvaluationContext mvContext(MvObject mv, SyncRule rule) {
        Map<String, List<AttributeValue>> values = mv.valueMap();
        return new ObjectEvaluationContext(
                values,
                values,
                null,
                settings.requireConnector(rule.connector()).parameterValues(),
                a -> settings.metaverseMultiValued(mv.objectType(), a),
                settings.clock(),
                settings.random());
    }

    /**
     * Evaluates one flow. An expression error is logged on {@code errorObject} with rule and attribute and
     * returns null.
     */
    Value evaluate(Transformation flow, SyncRule rule, EvaluationContext context, CsObject errorObject, UUID mvId) {
        try {
            if (flow.flowType() == FlowType.DIRECT) {
                return context.attribute(flow.sources().get(0));
            } else if (flow.flowType() == FlowType.CONSTANT) {
                String v = flow.constantValue();
                return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
                        ? Value.of(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)))
                        : Value.of(v);
            }
            return flow.expression().evaluate(context);
        } catch (EvaluationException e) {
            log.error(
                    ErrorCode.EXPRESSION_ERROR,
                    e.code() + ": " + e.problem() + " in " + flow.target() + " <- " + flow.expressionText(),
                    errorObject,
                    mvId,
                    rule.name(),
                    flow.target());
            return null;
        }
    }

    /** A contribution from an evaluated value, references not yet translated. */
    static Contribution contribution(
            SyncRule rule,
            Transformation flow,
            Value v,
            String connector,
            dev.joinery.connector.spi.Anchor anchor,
            String object) {
        Contribution.Marker marker;
        List<AttributeValue> values = List.of();
        if (v == Value.AUTHORITATIVE_NULL) {
            marker = Contribution.Marker.AUTHORITATIVE_NULL;
        } else if (v == Value.IGNORE_THIS_FLOW) {
            marker = Contribution.Marker.IGNORE;
        } else if (v.isNull()) {
            marker = Contribution.Marker.NULL;
        } else {
            marker = Contribution.Marker.VALUES;
            values = ValueBridge.toAttributeValues(v);
        }
        return new Contribution(rule, flow.target(), marker, values, flow.mergeType(), connector, anchor, object);
    }

    /** The contribution with its values replaced; NULL when none is left (every reference waits). */
    static Contribution withValues(Contribution c, List<AttributeValue> values) {
        if (c.marker() != Contribution.Marker.VALUES) {
            return c;
        }
        return new Contribution(
                c.rule(),
                c.attribute(),
                values.isEmpty() ? Contribution.Marker.NULL : Contribution.Marker.VALUES,
                values,
                c.mergeType(),
                c.connector(),
                c.anchor(),
                c.object());
    }

    Comparator<Contribution> contributionOrder() {
        return Comparator.comparing(Contribution::rule, settings.precedenceOrder());
    }

    /** The connector-space object a contribution came from, to name it in an error; null when unknown. */
    private CsObject contributor(Contribution c) {
        return c.connector() == null || c.anchor() == null
                ? null
                : tx.csByAnchor(c.connector(), c.anchor()).orElse(null);
    }

    AttributeResolver.Listener resolverListener(String object, CsObject errorObject, UUID mvId) {
        return new AttributeResolver.Listener() {
            @Override
            public void flow(Contribution c, boolean won) {
                trace.flow(c.rule(), c.object(), c.attribute(), c.describe(), won);
            }

            @Override
            public void mergeConflict(String attribute, List<Contribution> contributions) {
                log.error(
                        ErrorCode.MERGE_TYPE_CONFLICT,
                        "rules in scope for " + attribute + " of " + object + " mix merge types: "
                                + contributions.stream()
                                        .map(c -> c.rule().name() + " "
                                                + c.mergeType().displayName())
                                        .toList(),
                        errorObject != null ? errorObject : contributor(contributions.get(0)),
                        mvId,
                        contributions.get(0).rule().name(),
                        attribute);
            }
        };
    }
}
