package dev.joinery.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.RDN;
import dev.joinery.connector.ldap.ad.ObjectGuid;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.testkit.RecordingSink;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Active Directory specifics on the in-memory server with AD's schema and the AD connector's Exchange
 * attributes: schema discovery types, binary and non-ASCII values, and values that need RFC 4514 (DN) and RFC
 * 4515 (filter) escaping.
 */
class InMemoryAdTest {
    private InMemoryAdFixture fixture;

    @BeforeEach
    void start() {
        fixture = new InMemoryAdFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static Stream<Arguments> attributeTypes() {
        return Stream.of(
                Arguments.of("objectGUID", AttributeType.BINARY, false),
                Arguments.of("objectSid", AttributeType.BINARY, false),
                Arguments.of("msExchMasterAccountSid", AttributeType.BINARY, false),
                Arguments.of("userCertificate", AttributeType.BINARY, true),
                Arguments.of("userAccountControl", AttributeType.INTEGER, false),
                Arguments.of("msExchRecipientTypeDetails", AttributeType.INTEGER, false),
                Arguments.of("msExchHideFromAddressLists", AttributeType.BOOLEAN, false),
                Arguments.of("manager", AttributeType.REFERENCE, false),
                Arguments.of("mailNickname", AttributeType.STRING, false),
                Arguments.of("proxyAddresses", AttributeType.STRING, true),
                Arguments.of("whenCreated", AttributeType.TIMESTAMP, false));
    }

    /** Issue 4: "binary for objectGUID, objectSid, msExchMasterAccountSid, userCertificate; integer; boolean; DN reference; string". */
    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("attributeTypes")
    void schemaDiscoveryTypesEachAttributeBySyntax(String name, AttributeType type, boolean multiValued) {
        ConnectorSchema.ObjectType user =
                fixture.connector.discoverSchema().objectType("user").orElseThrow();

        assertThat(user.attribute(name)).as(name).hasValueSatisfying(a -> {
            assertThat(a.type()).isEqualTo(type);
            if (!name.equals("objectGUID")) {
                assertThat(a.multiValued()).as("multi-valued").isEqualTo(multiValued);
            }
        });
    }

    @Test
    void groupMembersAreMultiValuedReferences() {
        ConnectorSchema.ObjectType group =
                fixture.connector.discoverSchema().objectType("group").orElseThrow();

        assertThat(group.attribute("member")).hasValueSatisfying(a -> {
            assertThat(a.type()).isEqualTo(AttributeType.REFERENCE);
            assertThat(a.multiValued()).isTrue();
        });
    }

    @Test
    void sidsCertificatesAndNonAsciiTextRoundTripThroughExportAndImport() {
        byte[] sid = AdLikeInterceptor.sid(4242);
        byte[] certificate = new byte[] {0x30, (byte) 0x82, 0, 0, 0x5c, 0x2a, 0x28, 0x29, (byte) 0xff, (byte) 0xfe};
        String name = "Zoë Ångström-Nguyễn 日本 🙂";
        ExportChange.Add add = new ExportChange.Add(
                "user",
                fixture.userDn("zoe"),
                Map.of(
                        "sAMAccountName", List.of(AttributeValue.text("zoe")),
                        "displayName", List.of(AttributeValue.text(name)),
                        "msExchMasterAccountSid", List.of(AttributeValue.binary(sid)),
                        "userCertificate", List.of(AttributeValue.binary(certificate)),
                        "msExchHideFromAddressLists", List.of(AttributeValue.bool(true)),
                        "userAccountControl", List.of(AttributeValue.integer(514))));

        ExportResult result = fixture.connector.export(List.of(add)).get(0);
        RecordingSink sink = new RecordingSink();
        fixture.connector.fullImport(sink);

        assertThat(result.isApplied()).as("%s", result.error()).isTrue();
        ConnectorObject zoe = sink.upserts().get(0);
        assertThat(zoe.anchor()).isEqualTo(result.anchor());
        assertThat(zoe.values("displayName")).containsExactly(AttributeValue.text(name));
        assertThat(zoe.values("msExchMasterAccountSid")).containsExactly(AttributeValue.binary(sid));
        assertThat(zoe.values("userCertificate")).containsExactly(AttributeValue.binary(certificate));
        assertThat(zoe.values("msExchHideFromAddressLists")).containsExactly(AttributeValue.bool(true));
        assertThat(zoe.values("userAccountControl")).containsExactly(AttributeValue.integer(514));
        assertThat(zoe.values("objectSid")).singleElement().isInstanceOf(AttributeValue.Binary.class);
    }

    /**
     * RFC 4515 section 3: the octets {@code *}, {@code (}, {@code )}, {@code \} and NUL in an assertion value
     * "MUST be escaped". An objectGUID holding all of them is found by its anchor.
     */
    @Test
    void anAnchorWhoseBytesNeedFilterEscapingIsFound() throws Exception {
        byte[] guid = {0x2a, 0x28, 0x29, 0x5c, 0x00, 0x2a, 0x28, 0x29, 0x5c, 0x00, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46};
        fixture.backdoor.add(new Entry(
                fixture.userDn("star"),
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", "star"),
                new Attribute("objectGUID", guid)));
        Anchor anchor = Anchor.of(ObjectGuid.toText(guid));

        ConnectorObject read = fixture.connector.reader().read(anchor).orElseThrow();
        List<ExportResult> results = fixture.connector.export(List.of(new ExportChange.Modify(
                anchor,
                read.dn(),
                List.of(AttributeChange.replace("displayName", List.of(AttributeValue.text("found")))))));

        assertThat(read.dn()).isEqualToIgnoringCase(fixture.userDn("star"));
        assertThat(results.get(0).isApplied()).as("%s", results.get(0).error()).isTrue();
        assertThat(fixture.read(anchor).orElseThrow().values("displayName"))
                .containsExactly(AttributeValue.text("found"));
    }

    static Stream<String> nastyNames() {
        return Stream.of(
                "Smith, John",
                "a+b=c",
                "\"quoted\"",
                "back\\slash",
                "<angle>; semi",
                "#hash first",
                " leading and trailing ",
                "nul\u0000inside",
                "Ünïcødé, 日本 + \"mixed\" \\ ;");
    }

    /**
     * RFC 4514 section 2.4: a leading space or {@code #}, a trailing space, and {@code " + , ; < > \} and NUL
     * in a value are escaped. Objects named by such values are created, imported, renamed and deleted, and
     * their names come back unchanged.
     */
    @ParameterizedTest
    @MethodSource("nastyNames")
    void aNameNeedingDnEscapingSurvivesEveryChangeType(String cn) throws Exception {
        String dn = new RDN("CN", cn) + "," + fixture.ou;
        ExportResult added = fixture.connector
                .export(List.of(new ExportChange.Add(
                        "user",
                        dn,
                        Map.of(
                                "sAMAccountName", List.of(AttributeValue.text("nasty")),
                                "displayName", List.of(AttributeValue.text(cn))))))
                .get(0);
        assertThat(added.isApplied()).as("%s", added.error()).isTrue();

        RecordingSink sink = new RecordingSink();
        fixture.connector.fullImport(sink);
        ConnectorObject imported = sink.upserts().get(0);
        assertThat(new com.unboundid.ldap.sdk.DN(imported.dn())).isEqualTo(new com.unboundid.ldap.sdk.DN(dn));
        assertThat(imported.values("cn")).containsExactly(AttributeValue.text(cn));
        assertThat(imported.values("displayName")).containsExactly(AttributeValue.text(cn));

        String moved = new RDN("CN", cn + " (moved)") + "," + fixture.otherOu;
        ExportResult renamed = fixture.connector
                .export(List.of(new ExportChange.Rename(added.anchor(), dn, moved)))
                .get(0);
        assertThat(renamed.isApplied()).as("%s", renamed.error()).isTrue();
        ConnectorObject after = fixture.read(added.anchor()).orElseThrow();
        assertThat(new com.unboundid.ldap.sdk.DN(after.dn())).isEqualTo(new com.unboundid.ldap.sdk.DN(moved));
        assertThat(after.values("cn")).containsExactly(AttributeValue.text(cn + " (moved)"));

        ExportResult deleted = fixture.connector
                .export(List.of(new ExportChange.Delete(added.anchor(), moved)))
                .get(0);
        assertThat(deleted.isApplied()).as("%s", deleted.error()).isTrue();
        assertThat(fixture.read(added.anchor())).isEmpty();
    }

    private static ExportChange.Add user(String dn, String name) {
        return new ExportChange.Add("user", dn, Map.of("sAMAccountName", List.of(AttributeValue.text(name))));
    }

    @Test
    void independentAddsOfOneBatchAreAllAppliedWithTheirOwnAnchors() {
        List<ExportChange> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(user(fixture.userDn("p" + i), "p" + i));
        }

        List<ExportResult> results = fixture.connector.export(batch);

        assertThat(results).extracting(ExportResult::anchor).doesNotHaveDuplicates();
        for (int i = 0; i < 40; i++) {
            ExportResult r = results.get(i);
            assertThat(r.isApplied()).as("%s", r.error()).isTrue();
            assertThat(fixture.read(r.anchor()).orElseThrow().dn()).isEqualToIgnoringCase(fixture.userDn("p" + i));
        }
    }

    @Test
    void addsUnderAnObjectAddedInTheSameBatchAreAppliedAfterIt() {
        String parent = fixture.userDn("boss");
        List<ExportChange> batch =
                List.of(user(parent, "boss"), user("CN=kid1," + parent, "kid1"), user("CN=kid2," + parent, "kid2"));

        List<ExportResult> results = fixture.connector.export(batch);

        assertThat(results)
                .allSatisfy(r -> assertThat(r.isApplied()).as("%s", r.error()).isTrue());
    }
}
