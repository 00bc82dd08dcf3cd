package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.text;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.testkit.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sync cycles from an "AD" forest to a "cloud" target, end to end through in-memory connectors. */
class EndToEndCycleTest {

    private static ConnectorObject alice(World w) {
        return user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "sAMAccountName",
                "alice",
                "displayName",
                "Alice Smith",
                "employeeID",
                "E1",
                "objectSid",
                "S-1-5-21-1-1001",
                "department",
                "Sales",
                "userAccountControl",
                512L,
                "proxyAddresses",
                List.of("SMTP:alice@contoso.com", "smtp:a.smith@contoso.com"));
    }

    /**
     * "If this option is set to Provision, then a new object is created in the target, the metaverse. To provision a
     * new object to the metaverse is also known as to project an object to the metaverse."
     */
    @Test
    void aProjectedPersonIsProvisionedToTheCloudAndExportedOnce() {
        World w = World.with(Rules.singleForest());
        alice(w);

        List<RunRecord> initial = w.engine.cycle(SyncEngine.Cycle.INITIAL);
        List<RunRecord> delta = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(w.errors(initial)).isEmpty();
        assertThat(initial).allMatch(r -> r.status() == RunStatus.SUCCESS);
        RunRecord adSync = initial.stream()
                .filter(r -> r.step() == RunStep.FULL_SYNC && r.connector().equals(AD))
                .findFirst()
                .orElseThrow();
        assertThat(adSync.counts().projections()).isEqualTo(1);
        assertThat(adSync.counts().provisions()).isEqualTo(1);
        ConnectorObject inCloud = w.cloud.findByDn("CN=Alice,OU=Users,DC=cloud").orElseThrow();
        assertThat(text(inCloud, "userPrincipalName")).isEqualTo("alice@contoso.com");
        assertThat(text(inCloud, "sourceAnchor")).isEqualTo("E1");
        assertThat(inCloud.values("proxyAddresses")).hasSize(2);
        assertThat(inCloud.values("accountEnabled")).containsExactly(AttributeValue.bool(true));
        assertThat(w.cloudConnector.faults().calls(Operation.EXPORT_ADD)).isEqualTo(1);
        assertThat(w.cloudConnector.faults().calls(Operation.EXPORT_MODIFY)).isZero();
        assertThat(w.pending(CLOUD)).isEmpty();
        assertThat(w.errors(delta)).isEmpty();
        assertThat(w.cs(CLOUD, "CN=Alice,OU=Users,DC=cloud").orElseThrow().exportMemory())
                .isEmpty();
    }

    @Test
    void aChangeFlowsThroughOnADeltaCycle() {
        World w = World.with(Rules.singleForest());
        ConnectorObject alice = alice(w);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        w.ad.modify(alice.anchor(), List.of(AttributeChange.replace("department", List.of(AttributeValue.text("HR")))));
        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(text(w.cloud.findByDn("CN=Alice,OU=Users,DC=cloud").orElseThrow(), "department"))
                .isEqualTo("HR");
        assertThat(w.cloudConnector.faults().calls(Operation.EXPORT_MODIFY)).isEqualTo(1);
        RunRecord export = runs.stream()
                .filter(r -> r.step() == RunStep.EXPORT && r.connector().equals(CLOUD))
                .findFirst()
                .orElseThrow();
        assertThat(export.counts().exported()).isEqualTo(1);
    }

    @Test
    void aRenameInTheSourceRenamesTheCloudObject() {
        World w = World.with(Rules.singleForest());
        ConnectorObject alice = alice(w);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        w.ad.rename(alice.anchor(), "CN=Alice Jones,OU=Users,DC=example");
        w.ad.modify(
                alice.anchor(), List.of(AttributeChange.replace("cn", List.of(AttributeValue.text("Alice Jones")))));
        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(runs.get(0).counts().renames()).isEqualTo(1);
        assertThat(w.cloud.findByDn("CN=Alice Jones,OU=Users,DC=cloud")).isPresent();
        assertThat(w.cloud.findByDn("CN=Alice,OU=Users,DC=cloud")).isEmpty();
        assertThat(w.cloud.size()).isEqualTo(1);
        assertThat(w.cs(CLOUD, "CN=Alice Jones,OU=Users,DC=cloud")).isPresent();
    }

    /**
     * "When a metaverse object is deleted, all objects associated with an outbound sync rule marked for provision are
     * marked for a delete."
     */
    @Test
    void aDeleteInTheSourcePropagatesToTheCloud() {
        World w = World.with(Rules.singleForest());
        ConnectorObject alice = alice(w);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        w.ad.delete(alice.anchor());
        w.engine.deltaImport(AD);
        RunRecord sync = w.engine.deltaSync(AD);

        assertThat(sync.counts().deletes()).isEqualTo(1);
        assertThat(w.mvCount()).isZero();
        assertThat(w.pending(CLOUD)).extracting(PendingExport::kind).containsExactly(PendingExport.Kind.DELETE);
        RunRecord export = w.engine.export(CLOUD);
        assertThat(export.counts().deletes()).isEqualTo(1);
        assertThat(w.cloud.size()).isZero();
        assertThat(w.csObjects(CLOUD)).isEmpty();
        assertThat(w.csObjects(AD)).isEmpty();
    }

    @Test
    void anUnchangedDeltaCycleExportsNothing() {
        World w = World.with(Rules.singleForest());
        alice(w);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.DELTA);
        w.cloudConnector.faults().resetCalls();

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(runs).allMatch(r -> r.counts().exported() == 0 && r.counts().processed() == 0);
        assertThat(w.cloudConnector.faults().calls(Operation.EXPORT_MODIFY)).isZero();
        MvObject mv = w.mvOf(AD, "CN=Alice,OU=Users,DC=example").orElseThrow();
        assertThat(text(mv, "displayName")).isEqualTo("Alice Smith");
    }
}
