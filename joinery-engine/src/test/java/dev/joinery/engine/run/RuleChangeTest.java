package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.text;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * "Which step a change needs: … sync-rule changes ⇒ Full Sync on that connector." A delta cycle runs a full
 * synchronization on a connector whose rules changed since its last completed full synchronization.
 */
class RuleChangeTest {
    private final World w = World.with(Rules.singleForest());

    private void alice() {
        user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "sAMAccountName",
                "alice",
                "employeeID",
                "E1",
                "objectSid",
                "S-1",
                "department",
                "Sales",
                "userAccountControl",
                512L);
    }

    private static RunStep syncStep(List<RunRecord> runs, String connector) {
        return runs.stream()
                .filter(r -> r.connector().equals(connector))
                .filter(r -> r.step() == RunStep.FULL_SYNC || r.step() == RunStep.DELTA_SYNC)
                .findFirst()
                .orElseThrow()
                .step();
    }

    private SyncEngine withRuleChanged(String name, UnaryOperator<SyncRule.Builder> change) {
        List<SyncRule> rules = new ArrayList<>(w.settings.rules());
        rules.replaceAll(
                r -> r.name().equals(name) ? change.apply(r.toBuilder()).build() : r);
        return w.engine.withSettings(w.settings.withRules(rules));
    }

    @Test
    void anUnchangedRuleSetKeepsDeltaCyclesDelta() {
        alice();
        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(syncStep(runs, AD)).isEqualTo(RunStep.DELTA_SYNC);
        assertThat(syncStep(runs, CLOUD)).isEqualTo(RunStep.DELTA_SYNC);
    }

    @Test
    void anInboundRuleChangeMakesTheNextDeltaCycleRunAFullSyncOnItsConnectorOnly() {
        alice();
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        SyncEngine changed = withRuleChanged(
                "In from AD - User Common", b -> b.transformation(Transformation.direct("title", "department")));

        List<RunRecord> runs = changed.cycle(SyncEngine.Cycle.DELTA);

        assertThat(syncStep(runs, AD)).isEqualTo(RunStep.FULL_SYNC);
        assertThat(runs)
                .filteredOn(r -> r.step() == RunStep.FULL_SYNC)
                .singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo(SyncEngine.FULL_SYNC_REASON));
        assertThat(syncStep(runs, CLOUD)).isEqualTo(RunStep.DELTA_SYNC);
        assertThat(text(w.cloud.findByDn("CN=Alice,OU=Users,DC=cloud").orElseThrow(), "title"))
                .as("the new flow reached an object that did not change")
                .isEqualTo("Sales");
        assertThat(syncStep(changed.cycle(SyncEngine.Cycle.DELTA), AD)).isEqualTo(RunStep.DELTA_SYNC);
    }

    @Test
    void anOutboundRuleChangeMakesTheNextDeltaCycleRunAFullSyncOnEveryConnector() {
        alice();
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        SyncEngine changed = withRuleChanged("Out to AAD - User Join", b -> b.precedence(99));

        List<RunRecord> runs = changed.cycle(SyncEngine.Cycle.DELTA);

        assertThat(syncStep(runs, AD)).isEqualTo(RunStep.FULL_SYNC);
        assertThat(syncStep(runs, CLOUD)).isEqualTo(RunStep.FULL_SYNC);
    }

    @Test
    void aConnectorNeverFullySynchronizedGetsAFullSyncFromADeltaCycle() {
        alice();

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(syncStep(runs, AD)).isEqualTo(RunStep.FULL_SYNC);
        assertThat(w.cloud.size()).isEqualTo(1);
    }

    @Test
    void aFullSyncStoppedByTheErrorLimitDoesNotRecordTheNewRules() {
        World strict = World.with(Rules.singleForest(), b -> b.errorLimit(1));
        user(strict.ad, "A", "cn", "A", "employeeID", "E1", "objectSid", "S-1", "userAccountControl", 512L);
        user(strict.ad, "B", "cn", "B", "employeeID", "E2", "objectSid", "S-2", "userAccountControl", 512L);
        strict.engine.cycle(SyncEngine.Cycle.INITIAL);
        List<SyncRule> rules = new ArrayList<>(strict.settings.rules());
        rules.replaceAll(r -> r.name().equals("In from AD - User Common")
                ? r.toBuilder()
                        .transformation(Transformation.expression("title", "Error(\"no title\")"))
                        .build()
                : r);
        SyncEngine failing = strict.engine.withSettings(strict.settings.withRules(rules));

        List<RunRecord> first = failing.cycle(SyncEngine.Cycle.DELTA);
        assertThat(first)
                .filteredOn(r -> r.step() == RunStep.FULL_SYNC)
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.STOPPED_ERROR_LIMIT));

        assertThat(syncStep(failing.cycle(SyncEngine.Cycle.DELTA), AD)).isEqualTo(RunStep.FULL_SYNC);
    }

    @Test
    void aDeltaCycleAfterAWeekWithoutSynchronizationRunsFullSyncs() {
        // aadc-semantics-notes §2.10: "Must run a delta sync at least every 7 days (and within 7 days after a full
        // sync) or a full sync is required"
        alice();
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.clock.advance(java.time.Duration.ofDays(6));
        assertThat(syncStep(w.engine.cycle(SyncEngine.Cycle.DELTA), AD)).isEqualTo(RunStep.DELTA_SYNC);

        w.clock.advance(java.time.Duration.ofDays(7).plusMinutes(1));
        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(runs)
                .filteredOn(r -> r.step() == RunStep.FULL_SYNC)
                .as("every connector's synchronization is overdue")
                .hasSize(w.settings.connectors().size())
                .allSatisfy(r -> assertThat(r.message()).isEqualTo(SyncEngine.OVERDUE_REASON));
        assertThat(syncStep(w.engine.cycle(SyncEngine.Cycle.DELTA), AD)).isEqualTo(RunStep.DELTA_SYNC);
    }

    @Test
    void aChangedConnectorParameterMakesTheNextDeltaCycleRunAFullSync() {
        // a parameter such as %Domain.FQDN% feeds flows and scoping values as much as the rule text does
        alice();
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        SyncEngine changed = w.engine.withSettings(w.settings.withConnector(
                w.settings.requireConnector(AD).withParameter("Domain.FQDN", "corp.example.com")));

        List<RunRecord> runs = changed.cycle(SyncEngine.Cycle.DELTA);

        assertThat(syncStep(runs, AD)).isEqualTo(RunStep.FULL_SYNC);
        assertThat(syncStep(runs, CLOUD)).isEqualTo(RunStep.DELTA_SYNC);
        assertThat(syncStep(changed.cycle(SyncEngine.Cycle.DELTA), AD)).isEqualTo(RunStep.DELTA_SYNC);
    }
}
