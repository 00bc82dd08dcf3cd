package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.text;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.sync.DeletionThreshold;
import dev.joinery.testkit.BreakMode;
import dev.joinery.testkit.Fault;
import dev.joinery.testkit.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Export run profile: results, failures, the deletion threshold and staging mode. */
class ExportRunTest {

    private static List<ConnectorObject> people(World w, int n) {
        List<ConnectorObject> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
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

    /**
     * "Enabled by default, 500 deletes; export stops before deleting anything ... The number of deletions for this sync
     * cycle (100 pending deletes) has exceeded the current threshold of 50 objects."
     */
    @Test
    void anExportOverTheDeletionThresholdStopsBeforeDeletingAnything() {
        World w = World.with(Rules.singleForest(), b -> b.deletionThreshold(DeletionThreshold.count(2)));
        List<ConnectorObject> people = people(w, 3);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        people.forEach(p -> w.ad.delete(p.anchor()));
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);

        RunRecord export = w.engine.export(CLOUD);

        assertThat(export.status()).isEqualTo(RunStatus.STOPPED_DELETION_THRESHOLD);
        assertThat(export.message()).contains("3 pending deletes").contains("2 objects");
        assertThat(w.errors(export))
                .extracting(ObjectError::code)
                .containsExactly(ErrorCode.DELETION_THRESHOLD_EXCEEDED);
        assertThat(w.cloud.size()).isEqualTo(3);
        assertThat(w.pending(CLOUD)).hasSize(3);
        assertThat(w.cloudConnector.faults().calls(Operation.EXPORT_DELETE)).isZero();

        RunRecord allowed = w.engine
                .withSettings(w.settings.withDeletionThreshold(DeletionThreshold.count(3)))
                .export(CLOUD);
        assertThat(allowed.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(w.cloud.size()).isZero();
    }

    @Test
    void aPercentageThresholdCountsAgainstTheConnectorSpace() {
        World w = World.with(Rules.singleForest(), b -> b.deletionThreshold(DeletionThreshold.percent(50)));
        List<ConnectorObject> people = people(w, 4);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        people.subList(0, 3).forEach(p -> w.ad.delete(p.anchor()));
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);

        assertThat(w.engine.export(CLOUD).status()).isEqualTo(RunStatus.STOPPED_DELETION_THRESHOLD);
    }

    /** "Import + sync run, no exports" — pending exports stay for inspection. */
    @Test
    void stagingModeRunsEverythingButExport() {
        World w = World.with(Rules.singleForest(), b -> b.stagingMode(true));
        people(w, 2);

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(World.cloudExport(runs).status()).isEqualTo(RunStatus.SKIPPED_STAGING);
        assertThat(w.cloud.size()).isZero();
        assertThat(w.pending(CLOUD)).hasSize(2).allMatch(p -> p.kind() == PendingExport.Kind.ADD);
        assertThat(w.cloudConnector.faults().calls(Operation.EXPORT_ADD)).isZero();

        w.engine.withSettings(w.settings.withStagingMode(false)).export(CLOUD);
        assertThat(w.cloud.size()).isEqualTo(2);
    }

    @Test
    void aRetriableFailureStaysPendingAndSucceedsNextTime() {
        World w = World.with(Rules.singleForest());
        people(w, 1);
        w.cloudConnector.faults().set(Operation.EXPORT_ADD, Fault.next(1, BreakMode.THROTTLED));

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.INITIAL);

        RunRecord export = World.cloudExport(runs);
        assertThat(export.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(w.errors(export)).extracting(ObjectError::code).containsExactly(ErrorCode.EXPORT_FAILED);
        PendingExport pending = w.pending(CLOUD).get(0);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError().code()).isEqualTo(ConnectorError.Code.THROTTLED);

        assertThat(w.engine.export(CLOUD).status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(w.cloud.size()).isEqualTo(1);
        assertThat(w.pending(CLOUD)).isEmpty();
    }

    @Test
    void aLostConnectionStopsTheExportAndKeepsEveryChangePending() {
        World w = World.with(Rules.singleForest());
        people(w, 3);
        w.cloudConnector.faults().set(Operation.EXPORT_ADD, Fault.always(BreakMode.NETWORK));

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(World.cloudExport(runs).status()).isEqualTo(RunStatus.STOPPED_CONNECTOR_ERROR);
        assertThat(w.pending(CLOUD)).hasSize(3).allMatch(p -> p.attempts() == 1);
    }

    /**
     * "conflicting UPN / SMTP proxyAddress is quarantined instead of failing the object"; a batch with one CONFLICT
     * exports the rest and the conflicting object without the value, reported on both objects.
     */
    @Test
    void aConflictingProxyAddressIsQuarantinedAndReportedOnBothObjects() {
        World w = World.with(Rules.singleForest());
        ConnectorObject squatter = w.cloud.add(
                "user",
                "CN=Squatter,OU=Users,DC=cloud",
                World.values("displayName", "Squatter", "proxyAddresses", List.of("smtp:shared@contoso.com")));
        people(w, 2);
        user(
                w.ad,
                "Carol",
                "cn",
                "Carol",
                "employeeID",
                "E7",
                "objectSid",
                "S-7",
                "userAccountControl",
                512L,
                "sAMAccountName",
                "carol",
                "proxyAddresses",
                List.of("SMTP:carol@contoso.com", "smtp:shared@contoso.com"));

        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.INITIAL);

        RunRecord export = World.cloudExport(runs);
        assertThat(export.status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
        assertThat(export.counts().adds()).isEqualTo(3);
        ConnectorObject carol = w.cloud.findByDn("CN=Carol,OU=Users,DC=cloud").orElseThrow();
        assertThat(carol.values("proxyAddresses")).containsExactly(AttributeValue.text("SMTP:carol@contoso.com"));
        List<ObjectError> errors = w.errors(export);
        assertThat(errors).extracting(ObjectError::code).containsOnly(ErrorCode.DUPLICATE_ATTRIBUTE_QUARANTINED);
        assertThat(errors)
                .extracting(ObjectError::dn)
                .containsExactlyInAnyOrder("CN=Carol,OU=Users,DC=cloud", squatter.dn());
        assertThat(errors).allMatch(e -> e.attribute().equals("proxyAddresses"));

        List<RunRecord> delta = w.engine.cycle(SyncEngine.Cycle.DELTA);
        assertThat(w.errors(delta)).isEmpty();
        assertThat(w.pending(CLOUD)).isEmpty();
    }

    /** "required UPN replaced by {@code <OriginalPrefix>+<4DigitNumber>@<InitialTenantDomain>.onmicrosoft.com}". */
    @Test
    void aConflictingUserPrincipalNameIsReplacedByAPlaceholder() {
        World w = World.with(Rules.singleForest());
        w.cloud.add("user", "CN=Other Bob,OU=Users,DC=cloud", World.values("userPrincipalName", "bob@contoso.com"));
        user(
                w.ad,
                "Bob",
                "cn",
                "Bob",
                "employeeID",
                "E8",
                "objectSid",
                "S-8",
                "userAccountControl",
                512L,
                "userPrincipalName",
                "bob@contoso.com");

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        String upn = text(w.cloud.findByDn("CN=Bob,OU=Users,DC=cloud").orElseThrow(), "userPrincipalName");
        assertThat(upn).matches("bob\\+\\d{4}@contoso\\.onmicrosoft\\.com");
        w.engine.cycle(SyncEngine.Cycle.DELTA);
        assertThat(w.pending(CLOUD)).isEmpty();
    }

    /** "After the object has been created in Azure AD, then sourceAnchor cannot change". */
    @Test
    void aChangedSourceAnchorStopsTheObjectsExportUntilTheOldValueReturns() {
        World w = World.with(Rules.singleForest());
        ConnectorObject alice = user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "employeeID",
                "E1",
                "objectSid",
                "S-1",
                "userAccountControl",
                512L,
                "displayName",
                "Alice");
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        w.ad.modify(
                alice.anchor(),
                List.of(
                        dev.joinery.connector.spi.AttributeChange.replace(
                                "employeeID", List.of(AttributeValue.text("E2"))),
                        dev.joinery.connector.spi.AttributeChange.replace(
                                "displayName", List.of(AttributeValue.text("Alice Changed")))));
        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(w.errors(runs)).extracting(ObjectError::code).containsExactly(ErrorCode.SOURCE_ANCHOR_CHANGED);
        assertThat(w.errors(runs).get(0).attribute()).isEqualTo("sourceAnchor");
        assertThat(w.pending(CLOUD)).isEmpty();
        ConnectorObject inCloud = w.cloud.findByDn("CN=Alice,OU=Users,DC=cloud").orElseThrow();
        assertThat(text(inCloud, "sourceAnchor")).isEqualTo("E1");
        assertThat(text(inCloud, "displayName")).isEqualTo("Alice");

        w.ad.modify(
                alice.anchor(),
                List.of(dev.joinery.connector.spi.AttributeChange.replace(
                        "employeeID", List.of(AttributeValue.text("E1")))));
        assertThat(w.errors(w.engine.cycle(SyncEngine.Cycle.DELTA))).isEmpty();
        assertThat(text(w.cloud.findByDn("CN=Alice,OU=Users,DC=cloud").orElseThrow(), "displayName"))
                .isEqualTo("Alice Changed");
    }
}
