package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import dev.joinery.engine.sync.DeletionThreshold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deprovisioning when a metaverse object leaves the outbound provisioning rule's scope: "Deprovisioning (triggered
 * when provisioning removes the link; the CS object is flagged deleted, i.e. a staged delete)". The attribute filter
 * pattern: "Inbound attribute filter = custom inbound Join rule (precedence < 100) with scope + Constant cloudFiltered
 * = True", and "Out to AAD - User Join" is scoped {@code cloudFiltered NOTEQUAL True}. The delete is subject to the
 * deletion threshold.
 */
class OutboundScopeDeprovisionTest {
    private static final String ALICE_CLOUD = "CN=Alice,OU=Users,DC=cloud";

    /** In from AD - User NoSync: a custom inbound rule that filters users marked in extensionAttribute1. */
    private static List<SyncRule> rules() {
        List<SyncRule> rules = new ArrayList<>(Rules.singleForest());
        rules.add(Rules.inbound("In from AD - User NoSync", AD, "user", "person", 50)
                .scope(ScopeFilter.allOf(new ScopeClause("extensionAttribute1", ScopeOperator.EQUAL, "NoSync")))
                .transformation(Transformation.constant("cloudFiltered", "True"))
                .build());
        return rules;
    }

    private static World filteredAfterExport(DeletionThreshold threshold) {
        World w = World.with(rules(), b -> b.deletionThreshold(threshold));
        ConnectorObject alice = user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "employeeID",
                "E1",
                "objectSid",
                "S-1",
                "sAMAccountName",
                "alice",
                "userAccountControl",
                512L);
        user(
                w.ad,
                "Bob",
                "cn",
                "Bob",
                "employeeID",
                "E2",
                "objectSid",
                "S-2",
                "sAMAccountName",
                "bob",
                "userAccountControl",
                512L);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        assertThat(w.cloud.findByDn(ALICE_CLOUD)).isPresent();
        w.ad.modify(
                alice.anchor(),
                List.of(AttributeChange.replace("extensionAttribute1", List.of(AttributeValue.text("NoSync")))));
        return w;
    }

    @Test
    void cloudFilteredSetByAHigherPrecedenceRuleDeletesTheCloudObject() {
        World w = filteredAfterExport(DeletionThreshold.DEFAULT);

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(World.cloudExport(runs).status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(w.cloud.findByDn(ALICE_CLOUD)).isEmpty();
        assertThat(w.cloud.size()).isEqualTo(1);
        assertThat(w.cs(CLOUD, ALICE_CLOUD)).isEmpty();
        assertThat(w.mvOf(AD, "CN=Alice,OU=Users,DC=example"))
                .as("the metaverse object stays, joined to AD")
                .hasValueSatisfying(
                        mv -> assertThat(World.text(mv, "cloudFiltered")).isEqualToIgnoringCase("true"));
    }

    @Test
    void theDeprovisioningDeleteIsHeldByTheDeletionThreshold() {
        World w = filteredAfterExport(DeletionThreshold.count(0));

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(World.cloudExport(runs).status()).isEqualTo(RunStatus.STOPPED_DELETION_THRESHOLD);
        assertThat(w.cloud.findByDn(ALICE_CLOUD)).isPresent();
        assertThat(w.pending(CLOUD)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PendingExport.Kind.DELETE);
            assertThat(p.dn()).isEqualTo(ALICE_CLOUD);
        });
        assertThat(w.cs(CLOUD, ALICE_CLOUD).orElseThrow().isLinked()).isFalse();
    }
}
