package dev.joinery.testkit;

import static dev.joinery.connector.spi.AttributeValue.reference;
import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.Watermark;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Export: unique values, permissive modify, schema checks, changes keyed by anchor. */
class InMemoryConnectorExportTest {
    private final InMemoryDirectory directory = InMemoryDirectory.builder()
            .uniqueAttributes("proxyAddresses", "userPrincipalName")
            .build();
    private final InMemoryConnector connector = InMemoryConnector.builder(directory)
            .schema(TestSchemas.usersAndGroups())
            .maxBatchSize(3)
            .build();
    private ConnectorObject alice;

    @BeforeEach
    void aliceExists() {
        alice = directory.add(
                "user",
                dn("alice"),
                Map.of(
                        "userPrincipalName", List.of(text("alice@example.com")),
                        "proxyAddresses", List.of(text("SMTP:alice@example.com"))));
        connector.open(TestConnectorContext.of(FakeClock.create()));
    }

    /** Duplicate attribute resiliency needs to know which attribute collided. */
    @Test
    void anAddWithATakenUniqueValueConflictsNamingTheAttributeIgnoringCase() {
        ExportResult result = exportOne(new ExportChange.Add(
                "user", dn("alice2"), Map.of("proxyAddresses", List.of(text("smtp:ALICE@example.com")))));

        assertThat(result.error()).satisfies(e -> {
            assertThat(e.code()).isEqualTo(ConnectorError.Code.CONFLICT);
            assertThat(e.attribute()).isEqualTo("proxyAddresses");
            assertThat(e.retriable()).isFalse();
        });
        assertThat(directory.findByDn(dn("alice2"))).isEmpty();
    }

    @Test
    void aModifyThatWouldTakeAUniqueValueConflictsAndChangesNothing() {
        ConnectorObject bob = directory.add("user", dn("bob"), Map.of("displayName", List.of(text("Bob"))));

        ExportResult result = exportOne(new ExportChange.Modify(
                bob.anchor(),
                bob.dn(),
                List.of(
                        AttributeChange.replace("displayName", List.of(text("Robert"))),
                        AttributeChange.replace("userPrincipalName", List.of(text("Alice@Example.com"))))));

        assertThat(result.error().attribute()).isEqualTo("userPrincipalName");
        assertThat(directory.get(bob.anchor())).contains(bob);
    }

    @Test
    void anObjectMayKeepAndReaddItsOwnUniqueValue() {
        ExportResult result = exportOne(new ExportChange.Modify(
                alice.anchor(),
                alice.dn(),
                List.of(AttributeChange.replace(
                        "proxyAddresses", List.of(text("smtp:alice@example.com"), text("SMTP:a@example.com"))))));

        assertThat(result.isApplied()).isTrue();
    }

    /** The chosen semantics: permissive, as AD with LDAP_SERVER_PERMISSIVE_MODIFY_OID, so a retry is harmless. */
    @Test
    void addingAPresentValueAndDeletingAnAbsentOneAreAppliedNoOpsThatLogNothing() {
        ConnectorObject staff = directory.add("group", "CN=Staff", Map.of("member", List.of(reference(dn("alice")))));
        Watermark start = connector.fullImport(new RecordingSink());

        ExportResult result = exportOne(new ExportChange.Modify(
                staff.anchor(),
                staff.dn(),
                List.of(
                        AttributeChange.add("member", List.of(reference(dn("alice")))),
                        AttributeChange.delete("member", List.of(reference(dn("nobody")))))));

        assertThat(result.isApplied()).isTrue();
        assertThat(directory.get(staff.anchor())).contains(staff);
        RecordingSink delta = new RecordingSink();
        connector.deltaImport(start, delta);
        assertThat(delta.changes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesTheSchemaRefuses")
    void valuesTheSchemaRefusesAreAConstraintViolation(String why, ExportChange change, String attribute) {
        ExportResult result = exportOne(change);

        assertThat(result.error().code()).isEqualTo(ConnectorError.Code.CONSTRAINT_VIOLATION);
        assertThat(result.error().attribute()).isEqualTo(attribute);
    }

    static Stream<Arguments> valuesTheSchemaRefuses() {
        return Stream.of(
                Arguments.of(
                        "an undeclared attribute",
                        new ExportChange.Add("user", dn("x"), Map.of("shoeSize", List.of(text("44")))),
                        "shoeSize"),
                Arguments.of(
                        "two values of a single-valued attribute",
                        new ExportChange.Add("user", dn("x"), Map.of("mail", List.of(text("a@x"), text("b@x")))),
                        "mail"),
                Arguments.of(
                        "a value of the wrong type",
                        new ExportChange.Add(
                                "user", dn("x"), Map.of("userAccountControl", List.of(AttributeValue.text("512")))),
                        "userAccountControl"),
                Arguments.of(
                        "an object type the schema lacks", new ExportChange.Add("computer", dn("x"), Map.of()), null));
    }

    @Test
    void aSecondValueAddedToASingleValuedAttributeIsRefused() {
        ExportResult result = exportOne(new ExportChange.Modify(
                alice.anchor(),
                alice.dn(),
                List.of(AttributeChange.add("userPrincipalName", List.of(text("other@example.com"))))));

        assertThat(result.error().code()).isEqualTo(ConnectorError.Code.CONSTRAINT_VIOLATION);
        assertThat(directory.get(alice.anchor())).contains(alice);
    }

    /** Changes are keyed by anchor; the DN the engine last saw may be stale after an out-of-band rename. */
    @Test
    void aModifyFindsItsObjectByAnchorEvenWhenTheDnIsStale() {
        directory.rename(alice.anchor(), dn("alicia"));

        ExportResult result = exportOne(new ExportChange.Modify(
                alice.anchor(), alice.dn(), List.of(AttributeChange.replace("displayName", List.of(text("Alicia"))))));

        assertThat(result.isApplied()).isTrue();
        assertThat(directory.findByDn(dn("alicia")).orElseThrow().values("displayName"))
                .containsExactly(text("Alicia"));
    }

    @Test
    void aRenameToTheDnTheObjectHasIsAppliedAndChangesNothing() {
        long before = directory.sequence();

        ExportResult result = exportOne(new ExportChange.Rename(alice.anchor(), alice.dn(), alice.dn()));

        assertThat(result.anchor()).isEqualTo(alice.anchor());
        assertThat(directory.sequence()).isEqualTo(before);
    }

    @Test
    void aBatchLargerThanTheMaximumIsRefusedBeforeAnythingIsApplied() {
        List<ExportChange> batch = List.of(add("b1"), add("b2"), add("b3"), add("b4"));

        assertThatThrownBy(() -> connector.export(batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch holds at most 3 changes, not 4");
        assertThat(connector.maxBatchSize()).isEqualTo(3);
        assertThat(directory.size()).isEqualTo(1);
    }

    private ExportResult exportOne(ExportChange change) {
        List<ExportResult> results = connector.export(List.of(change));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static ExportChange.Add add(String name) {
        return new ExportChange.Add("user", dn(name), Map.of());
    }

    private static String dn(String name) {
        return "CN=" + name + ",OU=People,DC=example,DC=com";
    }
}
