package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.sync.DeletionThreshold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A percentage deletion threshold, counted on the connector's objects in the directory: "Prevent Accidental Deletes:
 * The number of deletions for this sync cycle (100 pending deletes) has exceeded the current threshold of 50
 * objects." The percentage is of the objects the connector space holds in the directory, rounded down.
 */
class DeletionThresholdTest {

    private static List<ConnectorObject> people(World w, int from, int to) {
        List<ConnectorObject> list = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            list.add(user(
                    w.ad,
                    "User" + i,
                    "cn",
                    "User" + i,
                    "employeeID",
                    "E" + i,
                    "objectSid",
                    "S-" + i,
                    "sAMAccountName",
                    "user" + i,
                    "userAccountControl",
                    512L));
        }
        return list;
    }

    @ParameterizedTest(name = "{0}% of {1} objects allows {2} deletes")
    @CsvSource({
        "10, 10, 1",
        "10, 15, 1",
        "10, 20, 2",
        "50, 4, 2",
        "0, 10, 0",
        "100, 7, 7",
        "0.5, 1000, 5",
        "2.5, 100, 2",
        "0.1, 999, 0"
    })
    void thePercentageIsOfTheConnectorsObjectsRoundedDown(double percent, int objects, int allowed) {
        assertThat(DeletionThreshold.percent(percent).limit(objects)).isEqualTo(allowed);
    }

    @org.junit.jupiter.api.Test
    void aDecimalPercentageIsDescribedAsWritten() {
        assertThat(DeletionThreshold.percent(2.5).describe()).isEqualTo("2.5% of the connector space");
        assertThat(DeletionThreshold.percent(10).describe()).isEqualTo("10% of the connector space");
    }

    @ParameterizedTest(name = "{0} deletes of 10 at 10%: {1}")
    @CsvSource({"1, SUCCESS", "2, STOPPED_DELETION_THRESHOLD"})
    void anExportStopsWhenDeletesExceedThePercentageOfTheConnectorsObjects(int deletes, RunStatus status) {
        World w = World.with(Rules.singleForest(), b -> b.deletionThreshold(DeletionThreshold.percent(10)));
        List<ConnectorObject> people = people(w, 1, 10);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        people.subList(0, deletes).forEach(p -> w.ad.delete(p.anchor()));
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);

        assertThat(w.engine.export(CLOUD).status()).isEqualTo(status);
    }

    /** Objects provisioned but not yet exported are not in the directory and do not raise the limit. */
    @ParameterizedTest(name = "with {0} adds not yet exported")
    @CsvSource({"0", "10"})
    void provisionedObjectsNotYetExportedDoNotCount(int adds) {
        World w = World.with(Rules.singleForest(), b -> b.deletionThreshold(DeletionThreshold.percent(10)));
        List<ConnectorObject> people = people(w, 1, 10);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        people(w, 11, 10 + adds);
        people.subList(0, 2).forEach(p -> w.ad.delete(p.anchor()));
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);
        assertThat(w.pending(CLOUD))
                .filteredOn(p -> p.kind() == PendingExport.Kind.ADD)
                .hasSize(adds);

        assertThat(w.engine.export(CLOUD).status()).isEqualTo(RunStatus.STOPPED_DELETION_THRESHOLD);
        assertThat(w.cloud.size()).isEqualTo(10);
    }
}
