package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.text;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.CsObject;
import dev.joinery.testkit.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Export status memory: "if sync engine exports attribute C, which has a value of 5… it stores C=5 in its export
 * status memory… The export memory is cleared when C=5 is received during an import operation on the object." A
 * cleared attribute is remembered too, so synchronization before the confirming import stages nothing again.
 */
class ExportMemoryTest {
    private static final String ALICE_CLOUD = "CN=Alice,OU=Users,DC=cloud";

    private static ConnectorObject alice(World w) {
        return user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "sAMAccountName",
                "alice",
                "employeeID",
                "E1",
                "objectSid",
                "S-1-5-21-1-1",
                "title",
                "Chief",
                "department",
                "Sales",
                "userAccountControl",
                512L);
    }

    private static World exported(AttributeChange change) {
        World w = World.with(Rules.singleForest());
        ConnectorObject alice = alice(w);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.DELTA);
        w.ad.modify(alice.anchor(), List.of(change));
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);
        w.engine.export(CLOUD);
        return w;
    }

    @Test
    void anExportedClearIsRememberedAndNotStagedAgainBeforeTheConfirmingImport() {
        World w = exported(AttributeChange.clear("title"));
        assertThat(text(w.cloud.findByDn(ALICE_CLOUD).orElseThrow(), "title")).isNull();
        CsObject cs = w.cs(CLOUD, ALICE_CLOUD).orElseThrow();
        assertThat(cs.values("title"))
                .as("the hologram still holds the old value")
                .isNotEmpty();
        assertThat(cs.exportMemory()).containsEntry("title", List.of());

        w.engine.fullSync(AD);

        assertThat(w.pending(CLOUD)).isEmpty();
        assertThat(w.engine.export(CLOUD).counts().exported()).isZero();
    }

    @Test
    void theConfirmingImportClearsTheMemoryAndAnUnchangedDeltaCycleExportsNothing() {
        World w = exported(AttributeChange.clear("title"));
        long modifies = w.cloudConnector.faults().calls(Operation.EXPORT_MODIFY);

        w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(w.cs(CLOUD, ALICE_CLOUD).orElseThrow().exportMemory()).isEmpty();
        assertThat(w.cloudConnector.faults().calls(Operation.EXPORT_MODIFY)).isEqualTo(modifies);
        assertThat(w.pending(CLOUD)).isEmpty();
    }

    @Test
    void anExportedReplaceIsRememberedBeforeTheConfirmingImport() {
        World w = exported(AttributeChange.replace("department", List.of(AttributeValue.text("HR"))));
        assertThat(w.cs(CLOUD, ALICE_CLOUD).orElseThrow().exportMemory())
                .containsEntry("department", List.of(AttributeValue.text("HR")));

        w.engine.fullSync(AD);

        assertThat(w.pending(CLOUD)).isEmpty();
    }
}
