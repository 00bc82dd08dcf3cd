package dev.joinery.testkit;

import static dev.joinery.connector.spi.AttributeValue.reference;
import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.SchemaDiscovery;
import dev.joinery.connector.spi.Watermark;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector passes. Extend it directly (one level, no deeper) and return a new
 * {@link ConnectorFixture} from {@link #fixture()}; the tests of a capability the connector lacks are skipped
 * by assumption. Object types, attribute names and DNs all come from the fixture, so the same suite runs
 * against the in-memory connector, an LDAP server, Graph and SCIM.
 *
 * <pre>{@code
 * class LdapConnectorIT extends ConnectorContractTest {
 *     protected ConnectorFixture fixture() {
 *         return new SlapdFixture(server);
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: JUnit makes a new instance per test.
 */
public abstract class ConnectorContractTest {
    private ContractSteps steps;

    /** A new fixture with an opened connector; called before each test, closed after it. */
    protected abstract ConnectorFixture fixture();

    @BeforeEach
    final void openFixture() {
        steps = new ContractSteps(fixture());
    }

    @AfterEach
    final void closeFixture() {
        if (steps != null) {
            steps.fixture().close();
        }
    }

    @Test
    void schemaListsTheFixturesObjectTypesAndAttributes() {
        ConnectorSchema schema = steps.capability(SchemaDiscovery.class).discoverSchema();

        ConnectorSchema.ObjectType user = steps.type(schema, steps.fixture().userType());
        ConnectorSchema.ObjectType group = steps.type(schema, steps.fixture().groupType());
        assertThat(user.attribute(steps.fixture().textAttribute()))
                .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(AttributeType.STRING));
        steps.fixture().binaryAttribute().ifPresent(b -> assertThat(user.attribute(b))
                .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(AttributeType.BINARY)));
        assertThat(group.attribute(steps.fixture().memberAttribute())).hasValueSatisfying(a -> {
            assertThat(a.type()).isEqualTo(AttributeType.REFERENCE);
            assertThat(a.multiValued()).isTrue();
        });
    }

    @Test
    void fullImportReturnsExactlyTheObjectsInScopeWithTheirValues() {
        steps.capability(FullImport.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        ContractSteps.Created bob = steps.createUser("bob", "Bob");
        ContractSteps.Created staff = steps.createGroup("staff", alice, bob);

        RecordingSink sink = steps.fullImport().sink();

        assertThat(sink.deletes()).isEmpty();
        assertThat(sink.upserts()).extracting(ConnectorObject::anchor).doesNotHaveDuplicates();
        assertThat(sink.net()).containsOnlyKeys(alice.anchor(), bob.anchor(), staff.anchor());
        for (ContractSteps.Created c : List.of(alice, bob, staff)) {
            steps.assertHolds(sink.net().get(c.anchor()).object(), c);
        }
    }

    @Test
    void fullImportReturnsBinaryAndNonAsciiTextUnchanged() {
        steps.capability(FullImport.class);
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        Map<String, List<AttributeValue>> extra =
                steps.with(steps.fixture().textAttribute(), text("Zoë Ångström-Łukasz 山田太郎 Ελένη 😀"));
        steps.fixture().binaryAttribute().ifPresent(b -> extra.put(b, List.of(AttributeValue.binary(everyByte))));
        ContractSteps.Created zoe = steps.createUser("zoe", extra);

        ConnectorObject imported =
                steps.fullImport().sink().net().get(zoe.anchor()).object();

        steps.assertHolds(imported, zoe);
    }

    @Test
    void deltaImportFromAFullImportsWatermarkReturnsNothingWhenNothingChanged() {
        steps.capability(DeltaImport.class);
        steps.createUser("alice", "Alice");
        Watermark watermark = steps.fullImport().watermark();

        RecordingSink delta = steps.deltaImport(watermark);

        assertThat(delta.changes()).isEmpty();
    }

    @Test
    void deltaImportAfterAnAddReturnsAnUpsertOfTheNewObject() {
        steps.capability(DeltaImport.class);
        steps.createUser("alice", "Alice");
        Watermark watermark = steps.fullImport().watermark();
        ContractSteps.Created bob = steps.createUser("bob", "Bob");

        Map<Anchor, ImportChange> net = steps.deltaImport(watermark).net();

        assertThat(net).containsOnlyKeys(bob.anchor());
        steps.assertUpsertHolds(net.get(bob.anchor()), bob);
    }

    @Test
    void deltaImportAfterAModifyReturnsAnUpsertWithTheNewValues() {
        steps.capability(DeltaImport.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        steps.createUser("bob", "Bob");
        Watermark watermark = steps.fullImport().watermark();
        steps.fixture().modify(alice.anchor(), List.of(steps.replaceText("Alice Smith")));

        Map<Anchor, ImportChange> net = steps.deltaImport(watermark).net();

        assertThat(net).containsOnlyKeys(alice.anchor());
        steps.assertUpsertHolds(net.get(alice.anchor()), alice.withText(steps.fixture(), "Alice Smith"));
    }

    @Test
    void deltaImportAfterARenameReturnsAnUpsertWithTheNewDn() {
        steps.capability(DeltaImport.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        Watermark watermark = steps.fullImport().watermark();
        String newDn = steps.fixture().userDn("alicia");
        steps.fixture().rename(alice.anchor(), newDn);

        Map<Anchor, ImportChange> net = steps.deltaImport(watermark).net();

        assertThat(net).containsOnlyKeys(alice.anchor());
        assertThat(net.get(alice.anchor()).kind()).isEqualTo(ImportChange.Kind.UPSERT);
        assertThat(net.get(alice.anchor()).object().dn()).isEqualToIgnoringCase(newDn);
    }

    @Test
    void deltaImportAfterADeleteReturnsADelete() {
        steps.capability(DeltaImport.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        steps.createUser("bob", "Bob");
        Watermark watermark = steps.fullImport().watermark();
        steps.fixture().delete(alice.anchor());

        Map<Anchor, ImportChange> net = steps.deltaImport(watermark).net();

        assertThat(net).containsOnlyKeys(alice.anchor());
        assertThat(net.get(alice.anchor()).kind()).isEqualTo(ImportChange.Kind.DELETE);
    }

    /** The engine keeps only the token's text, and may repeat a delta import after a crash. */
    @Test
    void deltaImportRepeatedFromTheSameWatermarkTokenGivesTheSameResult() {
        steps.capability(DeltaImport.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        ContractSteps.Created bob = steps.createUser("bob", "Bob");
        Watermark watermark = steps.fullImport().watermark();
        steps.fixture().modify(alice.anchor(), List.of(steps.replaceText("Alice Smith")));
        steps.fixture().delete(bob.anchor());
        ContractSteps.Created carol = steps.createUser("carol", "Carol");

        Map<Anchor, ImportChange> first = steps.deltaImport(watermark).net();
        Map<Anchor, ImportChange> again =
                steps.deltaImport(new Watermark(new String(watermark.token()))).net();

        assertThat(first).containsOnlyKeys(alice.anchor(), bob.anchor(), carol.anchor());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void watermarkStaysValidAfterTheConnectorIsClosedAndOpenedAgain() {
        steps.capability(DeltaImport.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        Watermark watermark = steps.fullImport().watermark();
        steps.fixture().modify(alice.anchor(), List.of(steps.replaceText("Alice Smith")));

        steps.fixture().connector().close();
        steps.fixture().connector().open(steps.fixture().context());

        assertThat(steps.deltaImport(watermark).net()).containsOnlyKeys(alice.anchor());
    }

    @Test
    void exportAddReturnsAnAnchorAndTheObjectIsThenImported() {
        steps.capability(Export.class);
        steps.capability(FullImport.class);
        ExportChange.Add add = steps.addUser("alice", "Alice");

        ExportResult result = steps.exportOne(add);

        steps.assertApplied(result);
        ContractSteps.Created alice = new ContractSteps.Created(result.anchor(), add);
        assertThat(steps.fixture().read(alice.anchor())).hasValueSatisfying(o -> steps.assertHolds(o, alice));
        steps.assertHolds(steps.fullImport().sink().net().get(alice.anchor()).object(), alice);
    }

    /** What a confirming import after an export sees. */
    @Test
    void deltaImportAfterAnExportReturnsTheExportedObject() {
        steps.capability(Export.class);
        steps.capability(DeltaImport.class);
        Watermark watermark = steps.fullImport().watermark();

        ExportResult result = steps.exportOne(steps.addUser("alice", "Alice"));

        steps.assertApplied(result);
        assertThat(steps.deltaImport(watermark).net()).containsOnlyKeys(result.anchor());
    }

    @Test
    void exportModifyAddsAndDeletesSingleMembersWithoutTouchingTheOthers() {
        steps.capability(Export.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        ContractSteps.Created bob = steps.createUser("bob", "Bob");
        ContractSteps.Created carol = steps.createUser("carol", "Carol");
        ContractSteps.Created staff = steps.createGroup("staff", alice, bob);
        String member = steps.fixture().memberAttribute();

        ExportResult result = steps.exportOne(new ExportChange.Modify(
                staff.anchor(),
                staff.dn(),
                List.of(
                        AttributeChange.add(member, List.of(reference(carol.dn()))),
                        AttributeChange.delete(member, List.of(reference(alice.dn()))))));

        steps.assertApplied(result);
        assertThat(result.anchor()).isEqualTo(staff.anchor());
        assertThat(steps.membersOf(staff)).containsExactlyInAnyOrder(steps.key(bob.dn()), steps.key(carol.dn()));
    }

    @Test
    void exportReplaceSetsExactlyTheGivenValues() {
        steps.capability(Export.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");

        steps.assertApplied(steps.exportOne(
                new ExportChange.Modify(alice.anchor(), alice.dn(), List.of(steps.replaceText("Alice Smith")))));

        assertThat(steps.readBack(alice).values(steps.fixture().textAttribute()))
                .containsExactly(text("Alice Smith"));
    }

    @Test
    void exportClearRemovesEveryValue() {
        steps.capability(Export.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");

        steps.assertApplied(steps.exportOne(new ExportChange.Modify(
                alice.anchor(),
                alice.dn(),
                List.of(AttributeChange.clear(steps.fixture().textAttribute())))));

        assertThat(steps.readBack(alice).values(steps.fixture().textAttribute()))
                .isEmpty();
    }

    @Test
    void exportRenameChangesTheDnAndKeepsTheAnchor() {
        steps.capability(Export.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        String newDn = steps.fixture().userDn("alicia");

        ExportResult result = steps.exportOne(new ExportChange.Rename(alice.anchor(), alice.dn(), newDn));

        steps.assertApplied(result);
        assertThat(result.anchor()).isEqualTo(alice.anchor());
        assertThat(steps.readBack(alice).dn()).isEqualToIgnoringCase(newDn);
    }

    @Test
    void exportMoveToAnotherContainerChangesTheDnAndKeepsTheAnchor() {
        steps.capability(Export.class);
        String newDn = steps.assumePresent(steps.fixture().userDnInOtherContainer("alice"), "a second container");
        ContractSteps.Created alice = steps.createUser("alice", "Alice");

        steps.assertApplied(steps.exportOne(new ExportChange.Rename(alice.anchor(), alice.dn(), newDn)));

        assertThat(steps.readBack(alice).dn()).isEqualToIgnoringCase(newDn);
        steps.assertHolds(steps.readBack(alice), alice.movedTo(newDn));
    }

    @Test
    void exportDeleteRemovesTheObject() {
        steps.capability(Export.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");

        ExportResult result = steps.exportOne(new ExportChange.Delete(alice.anchor(), alice.dn()));

        steps.assertApplied(result);
        assertThat(steps.fixture().read(alice.anchor())).isEmpty();
    }

    @Test
    void aBatchWithOneBadChangeReportsItFailedAndAppliesTheOthersInOrder() {
        Export export = steps.capability(Export.class);
        ContractSteps.Created ghost = steps.createUser("ghost", "Ghost");
        steps.fixture().delete(ghost.anchor());
        ExportChange.Add alice = steps.addUser("alice", "Alice");
        ExportChange.Add bob = steps.addUser("bob", "Bob");

        List<ExportResult> results = export.export(List.of(
                alice, new ExportChange.Modify(ghost.anchor(), ghost.dn(), List.of(steps.replaceText("Boo"))), bob));

        assertThat(results).hasSize(3);
        steps.assertApplied(results.get(0));
        assertThat(results.get(1).isApplied()).isFalse();
        assertThat(results.get(1).error().code()).isEqualTo(ConnectorError.Code.NOT_FOUND);
        steps.assertApplied(results.get(2));
        steps.assertHolds(
                steps.readBack(results.get(0).anchor()),
                new ContractSteps.Created(results.get(0).anchor(), alice));
        steps.assertHolds(
                steps.readBack(results.get(2).anchor()),
                new ContractSteps.Created(results.get(2).anchor(), bob));
    }

    @Test
    void everyFailureCarriesAClassifiedCode() {
        Export export = steps.capability(Export.class);
        ContractSteps.Created alice = steps.createUser("alice", "Alice");
        ContractSteps.Created bob = steps.createUser("bob", "Bob");
        ContractSteps.Created ghost = steps.createUser("ghost", "Ghost");
        steps.fixture().delete(ghost.anchor());

        List<ExportResult> results = export.export(List.of(
                new ExportChange.Add(
                        steps.fixture().userType(), alice.dn(), steps.fixture().userAttributes("alice")),
                new ExportChange.Rename(alice.anchor(), alice.dn(), bob.dn()),
                new ExportChange.Modify(ghost.anchor(), ghost.dn(), List.of(steps.replaceText("Boo"))),
                new ExportChange.Rename(
                        ghost.anchor(), ghost.dn(), steps.fixture().userDn("ghost2")),
                new ExportChange.Delete(ghost.anchor(), ghost.dn())));

        assertThat(results).allSatisfy(r -> assertThat(r.isApplied()).isFalse());
        assertThat(results)
                .extracting(r -> r.error().code())
                .containsExactly(
                        ConnectorError.Code.CONFLICT,
                        ConnectorError.Code.CONFLICT,
                        ConnectorError.Code.NOT_FOUND,
                        ConnectorError.Code.NOT_FOUND,
                        ConnectorError.Code.NOT_FOUND);
        assertThat(results).allSatisfy(r -> assertThat(r.error().retriable()).isFalse());
    }

    @Test
    void closingTwiceIsHarmless() {
        steps.fixture().connector().close();

        assertThatCode(() -> steps.fixture().connector().close()).doesNotThrowAnyException();
    }
}
