package dev.joinery.testkit;

import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.Watermark;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each break mode on each kind of operation, one-shot healing, mid-stream breaks and partial batches. */
class InMemoryConnectorFaultTest {
    private final InMemoryDirectory directory = InMemoryDirectory.create();
    private final InMemoryConnector connector = InMemoryConnector.builder(directory)
            .schema(TestSchemas.usersAndGroups())
            .checkpointEvery(2)
            .build();
    private final FaultPlan faults = connector.faults();
    private ConnectorObject alice;

    @BeforeEach
    void fiveUsersAndAnOpenConnector() {
        alice = directory.add("user", dn("alice"), Map.of("displayName", List.of(text("Alice"))));
        for (String name : List.of("bob", "carol", "dave", "erin")) {
            directory.add("user", dn(name), Map.of());
        }
        connector.open(TestConnectorContext.of(FakeClock.create()));
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "NONE")
    void aBrokenSchemaOrImportFailsAsAWholeWithTheModesCode(BreakMode mode) {
        Watermark watermark = connector.fullImport(new RecordingSink());
        faults.set(Operation.SCHEMA, Fault.always(mode));
        faults.set(Operation.FULL_IMPORT, Fault.always(mode));
        faults.set(Operation.DELTA_IMPORT, Fault.always(mode));
        RecordingSink sink = new RecordingSink();

        List<Executable> calls = List.of(
                connector::discoverSchema,
                () -> connector.fullImport(sink),
                () -> connector.deltaImport(watermark, sink));

        for (Executable call : calls) {
            assertFailsWith(call, mode);
        }
        assertThat(sink.changes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "NONE")
    void aBrokenOpenLeavesTheConnectorClosed(BreakMode mode) {
        connector.close();
        faults.set(Operation.OPEN, Fault.always(mode));

        assertFailsWith(() -> connector.open(TestConnectorContext.of(FakeClock.create())), mode);
        assertThat(connector.isOpen()).isFalse();
    }

    /** The SPI: a change that fails does not stop the others unless the connection itself is lost. */
    @ParameterizedTest
    @EnumSource(names = {"CONFLICT", "PERMISSION_DENIED", "THROTTLED"})
    void aBrokenExportChangeFailsAloneAndTheBatchGoesOn(BreakMode mode) {
        faults.set(Operation.EXPORT_MODIFY, Fault.always(mode));

        List<ExportResult> results = connector.export(List.of(add("frank"), modifyAlice(), add("grace")));

        assertThat(results).extracting(ExportResult::isApplied).containsExactly(true, false, true);
        assertThat(results.get(1).error().code())
                .isEqualTo(mode.error(Operation.EXPORT_MODIFY).code());
        assertThat(directory.get(alice.anchor())).contains(alice);
        assertThat(directory.findByDn(dn("grace"))).isPresent();
    }

    @ParameterizedTest
    @EnumSource(names = {"NETWORK", "TIMEOUT"})
    void aLostConnectionStopsTheExportAndTheChangesBeforeItStayApplied(BreakMode mode) {
        faults.set(Operation.EXPORT_MODIFY, Fault.always(mode));

        assertFailsWith(() -> connector.export(List.of(add("frank"), modifyAlice(), add("grace"))), mode);

        assertThat(directory.findByDn(dn("frank"))).isPresent();
        assertThat(directory.get(alice.anchor())).contains(alice);
        assertThat(directory.findByDn(dn("grace"))).isEmpty();
    }

    /** A retry of the whole batch then finds the add already done: the engine must confirm, not duplicate. */
    @Test
    void aRetriedBatchAfterALostConnectionReportsTheDoneAddAsAConflict() {
        faults.set(Operation.EXPORT_MODIFY, Fault.next(1, BreakMode.NETWORK));
        List<ExportChange> batch = List.of(add("frank"), modifyAlice());
        assertFailsWith(() -> connector.export(batch), BreakMode.NETWORK);

        List<ExportResult> retry = connector.export(batch);

        assertThat(retry.get(0).error().code()).isEqualTo(ConnectorError.Code.CONFLICT);
        assertThat(retry.get(1).isApplied()).isTrue();
    }

    @Test
    void aOneShotFaultFailsTheNextCallsThenHeals() {
        faults.set(Operation.FULL_IMPORT, Fault.next(2, BreakMode.THROTTLED));

        assertFailsWith(() -> connector.fullImport(new RecordingSink()), BreakMode.THROTTLED);
        assertFailsWith(() -> connector.fullImport(new RecordingSink()), BreakMode.THROTTLED);
        RecordingSink healed = new RecordingSink();
        connector.fullImport(healed);

        assertThat(healed.upserts()).hasSize(5);
        assertThat(faults.mode(Operation.FULL_IMPORT)).isEqualTo(BreakMode.NONE);
        assertThat(faults.calls(Operation.FULL_IMPORT)).isEqualTo(3);
    }

    @Test
    void aPermanentFaultLastsUntilCleared() {
        connector.close();
        faults.set(Operation.OPEN, Fault.always(BreakMode.PERMISSION_DENIED));
        for (int i = 0; i < 3; i++) {
            assertFailsWith(
                    () -> connector.open(TestConnectorContext.of(FakeClock.create())), BreakMode.PERMISSION_DENIED);
        }

        faults.clear(Operation.OPEN);
        connector.open(TestConnectorContext.of(FakeClock.create()));

        assertThat(connector.isOpen()).isTrue();
    }

    /** What the engine sees of "a full import that fails part-way": some objects, then an exception. */
    @Test
    void aFullImportBrokenAfterNObjectsSendsThoseThenThrows() {
        faults.set(Operation.FULL_IMPORT, Fault.afterObjects(3, BreakMode.NETWORK));
        RecordingSink sink = new RecordingSink();

        assertFailsWith(() -> connector.fullImport(sink), BreakMode.NETWORK);

        assertThat(sink.upserts()).hasSize(3);
        assertThat(sink.checkpoints()).hasSize(1);
    }

    @Test
    void aFaultAfterMoreObjectsThanThereAreBreaksTheImportBeforeItReturns() {
        faults.set(Operation.FULL_IMPORT, Fault.afterObjects(100, BreakMode.TIMEOUT));
        RecordingSink sink = new RecordingSink();

        assertFailsWith(() -> connector.fullImport(sink), BreakMode.TIMEOUT);

        assertThat(sink.upserts()).hasSize(5);
    }

    @Test
    void aDeltaImportBrokenMidStreamResumesFromItsLastCheckpoint() {
        Watermark start = connector.fullImport(new RecordingSink());
        directory
                .objects()
                .forEach(o -> directory.modify(
                        o.anchor(), List.of(AttributeChange.replace("description", List.of(text("changed"))))));
        faults.set(
                Operation.DELTA_IMPORT, Fault.afterObjects(3, BreakMode.NETWORK).times(1));
        RecordingSink broken = new RecordingSink();

        assertFailsWith(() -> connector.deltaImport(start, broken), BreakMode.NETWORK);
        RecordingSink resumed = new RecordingSink();
        connector.deltaImport(broken.checkpoints().get(0), resumed);

        assertThat(broken.upserts()).hasSize(3);
        assertThat(broken.checkpoints()).hasSize(1);
        assertThat(resumed.upserts())
                .extracting(ConnectorObject::anchor)
                .containsExactlyElementsOf(directory.objects().stream()
                        .skip(2)
                        .map(ConnectorObject::anchor)
                        .toList());
    }

    @Test
    void everyKthChangeOfAPartialFaultFailsAndTheOthersAreApplied() {
        faults.set(Operation.EXPORT_ADD, Fault.everyKth(2, BreakMode.CONFLICT));

        List<ExportResult> results = connector.export(List.of(add("f1"), add("f2"), add("f3"), add("f4")));

        assertThat(results).extracting(ExportResult::isApplied).containsExactly(true, false, true, false);
        assertThat(directory.size()).isEqualTo(7);
    }

    @Test
    void callsAreCountedPerOperationAndPerExportedChange() {
        connector.discoverSchema();
        connector.fullImport(new RecordingSink());
        connector.export(List.of(
                add("frank"), add("grace"), modifyAlice(), new ExportChange.Delete(alice.anchor(), alice.dn())));

        assertThat(faults.calls(Operation.OPEN)).isEqualTo(1);
        assertThat(faults.calls(Operation.SCHEMA)).isEqualTo(1);
        assertThat(faults.calls(Operation.FULL_IMPORT)).isEqualTo(1);
        assertThat(faults.calls(Operation.DELTA_IMPORT)).isZero();
        assertThat(faults.calls(Operation.EXPORT_ADD)).isEqualTo(2);
        assertThat(faults.calls(Operation.EXPORT_MODIFY)).isEqualTo(1);
        assertThat(faults.calls(Operation.EXPORT_RENAME)).isZero();
        assertThat(faults.calls(Operation.EXPORT_DELETE)).isEqualTo(1);
    }

    @Test
    void aClosedConnectorRefusesToWork() {
        connector.close();

        assertThatThrownBy(() -> connector.fullImport(new RecordingSink()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the connector is not open");
        assertThatThrownBy(connector::discoverSchema).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> connector.export(List.of())).isInstanceOf(IllegalStateException.class);
    }

    private static void assertFailsWith(Executable call, BreakMode mode) {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, call::execute);
        assertThat(e).as("%s was expected", mode).isNotNull();
        assertThat(e.code()).isEqualTo(mode.error(Operation.OPEN).code());
        assertThat(e.retriable()).isEqualTo(e.code().retriableByDefault());
    }

    private ExportChange modifyAlice() {
        return new ExportChange.Modify(
                alice.anchor(), alice.dn(), List.of(AttributeChange.replace("displayName", List.of(text("Alicia")))));
    }

    private static ExportChange.Add add(String name) {
        return new ExportChange.Add("user", dn(name), Map.of("cn", List.of(text(name))));
    }

    private static String dn(String name) {
        return "CN=" + name + ",OU=People,DC=example,DC=com";
    }
}
