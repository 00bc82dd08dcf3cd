package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.text;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "An object must have a join rule in scope for attributes to flow with the same inbound/outbound direction. If you
 * need to flow attributes both inbound and outbound to the same object, you must have both an inbound and an outbound
 * sync rule with join." Rules without join conditions apply their flows once another rule of their direction joins.
 */
class JoinRuleInScopeTest {

    /** Out to AD - User Exchange Hybrid: a flow-only writeback rule, no join conditions. */
    private static SyncRule writebackFlows() {
        return SyncRule.builder("Out to AD - User Exchange Hybrid")
                .connector(AD)
                .direction(Direction.OUTBOUND)
                .sourceObjectType("person")
                .targetObjectType("user")
                .precedence(120)
                .transformation(Transformation.direct("extensionAttribute1", "displayName"))
                .build();
    }

    /** Out to AD - User Join SOAInAD: joins the AD object on objectSid, only for users marked in the metaverse. */
    private static SyncRule writebackJoin() {
        return SyncRule.builder("Out to AD - User Join")
                .connector(AD)
                .direction(Direction.OUTBOUND)
                .sourceObjectType("person")
                .targetObjectType("user")
                .precedence(119)
                .scope(ScopeFilter.allOf(new ScopeClause("title", ScopeOperator.EQUAL, "writeback")))
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "objectSid")))
                .build();
    }

    /** In from AAD - User Exchange Hybrid: a flow-only inbound rule from the cloud, no join conditions. */
    private static SyncRule cloudFlows() {
        return Rules.inbound("In from AAD - User Exchange Hybrid", CLOUD, "user", "person", 150)
                .transformation(Transformation.direct("cloudDisplayName", "displayName"))
                .build();
    }

    /** In from AAD - User Join: joins the cloud object on sourceAnchor (case-sensitive), never projects. */
    private static SyncRule cloudJoin() {
        return Rules.inbound("In from AAD - User Join", CLOUD, "user", "person", 119)
                .linkType(LinkType.JOIN)
                .joinGroup(JoinGroup.of(new JoinCondition("sourceAnchor", "sourceAnchor", true)))
                .build();
    }

    private static List<SyncRule> with(SyncRule... extra) {
        List<SyncRule> rules = new ArrayList<>(Rules.singleForest());
        rules.addAll(List.of(extra));
        return rules;
    }

    private static ConnectorObject alice(World w, String title) {
        return user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "displayName",
                "Alice Smith",
                "sAMAccountName",
                "alice",
                "employeeID",
                "E1",
                "objectSid",
                "S-1-5-21-1-1",
                "title",
                title,
                "userAccountControl",
                512L);
    }

    @Test
    void outboundFlowsWithoutAJoinRuleInScopeDoNotReachAnObjectLinkedInbound() {
        World w = World.with(with(writebackFlows()));
        ConnectorObject alice = alice(w, "writeback");

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(text(w.ad.get(alice.anchor()).orElseThrow(), "extensionAttribute1"))
                .isNull();
        assertThat(w.pending(AD)).isEmpty();
    }

    @Test
    void outboundFlowsReachAnObjectLinkedInboundOnceAnOutboundJoinRuleIsInScope() {
        World w = World.with(with(writebackFlows(), writebackJoin()));
        ConnectorObject alice = alice(w, "writeback");
        ConnectorObject bob = user(
                w.ad,
                "Bob",
                "cn",
                "Bob",
                "displayName",
                "Bob Jones",
                "sAMAccountName",
                "bob",
                "employeeID",
                "E2",
                "objectSid",
                "S-1-5-21-1-2",
                "title",
                "other",
                "userAccountControl",
                512L);

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(text(w.ad.get(alice.anchor()).orElseThrow(), "extensionAttribute1"))
                .isEqualTo("Alice Smith");
        assertThat(text(w.ad.get(bob.anchor()).orElseThrow(), "extensionAttribute1"))
                .as("the join rule is out of scope for Bob")
                .isNull();
    }

    @Test
    void inboundFlowsWithoutAJoinRuleInScopeDoNotComeFromAProvisionedObject() {
        World w = World.with(with(cloudFlows()));
        alice(w, "any");

        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(w.cloud.size()).isEqualTo(1);
        assertThat(text(w.mvOf(AD, "CN=Alice,OU=Users,DC=example").orElseThrow(), "cloudDisplayName"))
                .isNull();
    }

    @Test
    void inboundFlowsComeFromAProvisionedObjectOnceAnInboundJoinRuleIsInScope() {
        World w = World.with(with(cloudFlows(), cloudJoin()));
        alice(w, "any");

        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(text(w.mvOf(AD, "CN=Alice,OU=Users,DC=example").orElseThrow(), "cloudDisplayName"))
                .isEqualTo("Alice Smith");
    }
}
