package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.testkit.BreakMode;
import dev.joinery.testkit.Fault;
import dev.joinery.testkit.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Full Import and Delta Import into the connector space. */
class ImportRunTest {
    private final World w = World.with(Rules.singleForest());

    private ConnectorObject add(String cn) {
        return user(w.ad, cn, "cn", cn, "employeeID", cn);
    }

    private Watermark watermark() {
        return w.read(tx -> tx.watermark(AD));
    }

    @Test
    void aFullImportAddsEveryObjectAsAPendingAdd() {
        add("A");
        add("B");

        RunRecord run = w.engine.fullImport(AD);

        assertThat(run.step()).isEqualTo(RunStep.FULL_IMPORT);
        assertThat(run.counts().adds()).isEqualTo(2);
        assertThat(w.csObjects(AD)).extracting(CsObject::pendingImport).containsOnly(PendingImport.ADD);
        assertThat(watermark().isNone()).isFalse();
    }

    /** "The engine treats objects it held before and did not receive as deleted, but only when the import completes." */
    @Test
    void aFailedFullImportDeletesNothingAndKeepsTheWatermark() {
        add("A");
        ConnectorObject b = add("B");
        add("C");
        w.engine.fullImport(AD);
        Watermark before = watermark();
        w.ad.delete(b.anchor());
        w.adConnector
                .faults()
                .set(
                        Operation.FULL_IMPORT,
                        Fault.afterObjects(1, BreakMode.NETWORK).times(1));

        RunRecord failed = w.engine.fullImport(AD);

        assertThat(failed.status()).isEqualTo(RunStatus.STOPPED_CONNECTOR_ERROR);
        assertThat(w.errors(failed)).extracting(ObjectError::code).containsExactly(ErrorCode.IMPORT_FAILED);
        assertThat(w.csObjects(AD)).hasSize(3).noneMatch(cs -> cs.pendingImport() == PendingImport.DELETE);
        assertThat(watermark()).isEqualTo(before);

        RunRecord complete = w.engine.fullImport(AD);
        assertThat(complete.counts().deletes()).isEqualTo(1);
        assertThat(w.cs(AD, b.dn()).orElseThrow().pendingImport()).isEqualTo(PendingImport.DELETE);
    }

    @Test
    void aDeltaImportReadsOnlyChangesAndSavesTheWatermarkWithItsBatch() {
        ConnectorObject a = add("A");
        add("B");
        w.engine.fullImport(AD);
        w.engine.fullSync(AD);
        Watermark afterFull = watermark();

        w.ad.modify(a.anchor(), List.of(AttributeChange.replace("title", List.of(AttributeValue.text("T")))));
        RunRecord delta = w.engine.deltaImport(AD);

        assertThat(delta.step()).isEqualTo(RunStep.DELTA_IMPORT);
        assertThat(delta.counts().processed()).isEqualTo(1);
        assertThat(delta.counts().updates()).isEqualTo(1);
        assertThat(w.pendingImports(AD))
                .containsExactly(w.cs(AD, a.dn()).orElseThrow().id());
        assertThat(watermark()).isNotEqualTo(afterFull);
    }

    @Test
    void aRenameIsImportedAsAnUpdateOfTheSameObject() {
        ConnectorObject a = add("A");
        w.engine.fullImport(AD);
        w.engine.fullSync(AD);
        CsObject before = w.cs(AD, a.dn()).orElseThrow();

        w.ad.rename(a.anchor(), "CN=A2,OU=Users,DC=example");
        RunRecord delta = w.engine.deltaImport(AD);

        assertThat(delta.counts().renames()).isEqualTo(1);
        CsObject after = w.cs(AD, "CN=A2,OU=Users,DC=example").orElseThrow();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.pendingImport()).isEqualTo(PendingImport.UPDATE);
        assertThat(w.cs(AD, a.dn())).isEmpty();
    }

    @Test
    void anExpiredWatermarkStopsTheDeltaImportAndAsksForAFullOne() {
        add("A");
        w.engine.fullImport(AD);
        w.ad.trimChangeLog(w.ad.sequence());
        add("B");
        w.ad.trimChangeLog(w.ad.sequence());

        RunRecord delta = w.engine.deltaImport(AD);

        assertThat(delta.status()).isEqualTo(RunStatus.STOPPED_CONNECTOR_ERROR);
        assertThat(delta.message()).contains("full import");
    }

    @Test
    void anImportNeverTouchesTheMetaverse() {
        add("A");
        w.engine.fullImport(AD);
        assertThat(w.mvCount()).isZero();
    }
}
