package dev.joinery.connector.scim;

import static dev.joinery.connector.spi.AttributeValue.reference;
import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.connector.spi.config.ConnectorFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCIM specifics against the real SCIMple server: discovery, the enterprise extension, join lookups, conflicts. */
class ScimConnectorTest {
    private static final ScimpleServer server = ScimpleServer.shared();
    private ScimpleFixture fixture;

    @BeforeEach
    void open() {
        fixture = new ScimpleFixture(server, Sleeper.system());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void schemaComesFromTheServiceAndCarriesItsFlags() {
        ConnectorSchema schema = fixture.connector.discoverSchema();

        ConnectorSchema.ObjectType user = schema.objectType("User").orElseThrow();
        assertThat(user.anchorAttribute()).isEqualTo("id");
        assertThat(user.attribute("userName")).isPresent();
        assertThat(user.attribute("name.givenName")).isPresent();
        assertThat(user.attribute("emails.work")).isPresent();
        assertThat(user.attribute("department")).as("enterprise extension").isPresent();
        assertThat(schema.objectType("Group").orElseThrow().attribute("members"))
                .hasValueSatisfying(a -> assertThat(a.multiValued()).isTrue());
    }

    @Test
    void theConnectorHasNoDeltaImportBecauseScimDefinesNone() {
        assertThat(fixture.connector).isNotInstanceOf(DeltaImport.class);
    }

    @Test
    void enterpriseAttributesAndManagerRoundTrip() {
        Anchor boss = fixture.create("User", "Users/boss", fixture.userAttributes("boss"));
        Map<String, List<AttributeValue>> values = new TreeMap<>(fixture.userAttributes("ann"));
        values.put("department", List.of(text("Sales")));
        values.put("employeeNumber", List.of(text("0042")));
        values.put("manager", List.of(reference("Users/boss")));
        values.put("name.givenName", List.of(text("Ann")));

        ExportResult added = fixture.connector
                .export(List.of(new ExportChange.Add("User", "Users/ann", values)))
                .get(0);

        assertThat(added.isApplied()).as("%s", added.error()).isTrue();
        ConnectorObject ann = fixture.read(added.anchor()).orElseThrow();
        assertThat(ann.values("department")).containsExactly(text("Sales"));
        assertThat(ann.values("employeeNumber")).containsExactly(text("0042"));
        assertThat(ann.values("manager")).containsExactly(reference("Users/boss"));
        assertThat(ann.values("name.givenName")).containsExactly(text("Ann"));
        assertThat(boss).isNotNull();
    }

    @Test
    void findLooksObjectsUpByUserNameAndExternalId() {
        Anchor alice = fixture.create("User", "Users/alice", fixture.userAttributes("alice"));
        fixture.create("User", "Users/bob", fixture.userAttributes("bob"));

        assertThat(fixture.connector.find("User", "userName", text("alice")))
                .extracting(ConnectorObject::anchor)
                .containsExactly(alice);
        assertThat(fixture.connector.find("User", "externalId", text("ext-alice")))
                .extracting(ConnectorObject::anchor)
                .containsExactly(alice);
        assertThat(fixture.connector.find("User", "userName", text("nobody \"quoted\"")))
                .isEmpty();
    }

    @Test
    void aUniquenessConflictIsAConflictNamingTheAttribute() {
        fixture.create("User", "Users/alice", fixture.userAttributes("alice"));

        ExportResult again = fixture.connector
                .export(List.of(new ExportChange.Add("User", "Users/alice", fixture.userAttributes("alice"))))
                .get(0);

        assertThat(again.error().code()).isEqualTo(ConnectorError.Code.CONFLICT);
        assertThat(again.error().attribute()).isEqualTo("userName");
        assertThat(again.error().retriable()).isFalse();
    }

    @Test
    void replacingMembersSendsOnlyTheDifference() {
        Anchor a = fixture.create("User", "Users/a", fixture.userAttributes("a"));
        Anchor b = fixture.create("User", "Users/b", fixture.userAttributes("b"));
        fixture.create("User", "Users/c", fixture.userAttributes("c"));
        Map<String, List<AttributeValue>> g = new TreeMap<>(fixture.groupAttributes("g"));
        g.put("members", List.of(reference("Users/a"), reference("Users/b")));
        Anchor group = fixture.create("Group", "Groups/g", g);

        ExportResult r = fixture.connector
                .export(List.of(new ExportChange.Modify(
                        group,
                        "Groups/g",
                        List.of(AttributeChange.replace(
                                "members", List.of(reference("Users/b"), reference("Users/c")))))))
                .get(0);

        assertThat(r.isApplied()).as("%s", r.error()).isTrue();
        assertThat(fixture.read(group).orElseThrow().values("members"))
                .containsExactlyInAnyOrder(reference("Users/b"), reference("Users/c"));
        assertThat(List.of(a, b)).doesNotContainNull();
    }

    @Test
    void theFactoryIsFoundByKindScim() {
        assertThat(ServiceLoader.load(ConnectorFactory.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(f -> f.kind().equals("scim"))
                        .findFirst())
                .hasValueSatisfying(f -> assertThat(f.options()).isSameAs(ScimOptions.OPTIONS));
    }
}
