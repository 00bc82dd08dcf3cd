package dev.joinery.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.testkit.RecordingSink;
import dev.joinery.testkit.TestConnectorContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Active Directory specifics against Samba AD DC 1. */
class SambaIT {
    private SambaFixture fixture;

    @BeforeEach
    void start() {
        fixture = new SambaFixture(1, LdapConnectorConfig.DeltaStrategy.AD_DIRSYNC);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aServerWhoseCertificateNoTrustedCaSignedIsRefusedPermanently() {
        LdapConnectorConfig config = LdapConnectorConfig.activeDirectory()
                .host("127.0.0.1")
                .trustedCertificateFile(Directories.wrongCaCertificate())
                .bind(fixture.server.bindDn(), Secret.literal(Directories.password()))
                .retry(1, java.time.Duration.ofMillis(1))
                .build();

        assertThatThrownBy(() -> new LdapConnector(config).open(TestConnectorContext.of(Clock.systemUTC())))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ConnectorError.Code.CONFIGURATION);
                    assertThat(e.retriable()).isFalse();
                });
    }

    @Test
    void wrongCredentialsAreAConfigurationError() {
        LdapConnectorConfig config = LdapConnectorConfig.activeDirectory()
                .host("127.0.0.1")
                .trustedCertificateFile(Directories.caCertificate())
                .bind(fixture.server.bindDn(), Secret.literal("wrong".toCharArray()))
                .retry(1, java.time.Duration.ofMillis(1))
                .build();

        assertThatThrownBy(() -> new LdapConnector(config).open(TestConnectorContext.of(Clock.systemUTC())))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code())
                        .isEqualTo(ConnectorError.Code.CONFIGURATION));
    }

    @Test
    void schemaTypesSidsGuidsAndCertificatesAsBinary() {
        ConnectorSchema.ObjectType user =
                fixture.connector.discoverSchema().objectType("user").orElseThrow();

        for (String binary : List.of("objectGUID", "objectSid", "msExchMasterAccountSid", "userCertificate")) {
            assertThat(user.attribute(binary)).as(binary).hasValueSatisfying(a -> assertThat(a.type())
                    .isEqualTo(AttributeType.BINARY));
        }
        assertThat(user.attribute("userAccountControl"))
                .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(AttributeType.INTEGER));
        assertThat(user.attribute("manager"))
                .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(AttributeType.REFERENCE));
        assertThat(user.attribute("mailNickname"))
                .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(AttributeType.STRING));
    }

    /**
     * {@code size} contacts {@code CN=m0..} in {@code OU=joinery-it-members}, loaded once with one {@code ldbadd}
     * (Samba takes about 0.1 s an LDAP add or delete, so 1,600 took minutes) and kept for the next runs.
     */
    private static List<String> seededContacts(SambaFixture fixture, int size) throws Exception {
        String ou = "OU=joinery-it-members," + fixture.server.base();
        List<String> dns = new ArrayList<>();
        StringBuilder ldif = new StringBuilder("dn: " + ou + "\nobjectClass: organizationalUnit\n\n");
        for (int i = 0; i < size; i++) {
            dns.add("CN=m" + i + "," + ou);
            ldif.append("dn: ").append(dns.get(i)).append("\nobjectClass: contact\n\n");
        }
        synchronized (SambaIT.class) {
            if (fixture.backdoor.getEntry(dns.get(size - 1), "1.1") == null) {
                if (fixture.backdoor.getEntry(ou, "1.1") != null) {
                    throw new IllegalStateException(ou + " holds fewer than " + size + " contacts: delete it");
                }
                Directories.ldbadd(1, ldif.toString());
            }
        }
        return dns;
    }

    @Test
    void aGroupOfMoreThan1500MembersImportsWhole() throws Exception {
        int size = 1600;
        List<String> dns = seededContacts(fixture, size);
        String group = "CN=big," + fixture.ou;
        fixture.backdoor.add(new Entry(
                group,
                new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", "big-" + System.nanoTime() % 100000)));
        for (int i = 0; i < size; i += 500) {
            fixture.backdoor.modify(
                    group,
                    new Modification(
                            ModificationType.ADD,
                            "member",
                            dns.subList(i, Math.min(size, i + 500)).toArray(new String[0])));
        }

        RecordingSink sink = new RecordingSink();
        fixture.connector.fullImport(sink);

        ConnectorObject imported = sink.upserts().stream()
                .filter(o -> o.dn().equalsIgnoreCase(group))
                .findFirst()
                .orElseThrow();
        assertThat(imported.values("member")).hasSize(size);
    }

    @Test
    void anExportedUserWithExchangeSidPasswordAndUacRoundTrips() {
        byte[] sid = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, (byte) 0xe8, 3, 0, 0};
        String dn = fixture.userDn("exch");
        ExportChange.Add add = new ExportChange.Add(
                "user",
                dn,
                Map.of(
                        "sAMAccountName", List.of(AttributeValue.text("exch-" + System.nanoTime() % 100000)),
                        "mailNickname", List.of(AttributeValue.text("exch")),
                        "msExchMasterAccountSid", List.of(AttributeValue.binary(sid)),
                        "unicodePwd", List.of(AttributeValue.text("Pässwörd-1234!")),
                        "userAccountControl", List.of(AttributeValue.integer(512))));

        ExportResult result = fixture.connector.export(List.of(add)).get(0);

        assertThat(result.isApplied()).as("%s", result.error()).isTrue();
        ConnectorObject read = fixture.read(result.anchor()).orElseThrow();
        assertThat(read.values("msExchMasterAccountSid")).containsExactly(AttributeValue.binary(sid));
        assertThat(read.values("userAccountControl")).containsExactly(AttributeValue.integer(512));
        assertThat(read.values("unicodePwd")).isEmpty();
        assertThat(result.anchor())
                .isEqualTo(fixture.connector
                        .reader()
                        .read(result.anchor())
                        .orElseThrow()
                        .anchor());
        assertThat(Anchor.of(result.anchor().value()).value()).matches("[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}");
    }

    /** Issue 4, DirSync: "including deletes (isDeleted) and renames or moves"; a move out of scope is a delete. */
    @Test
    void aDirSyncDeltaReportsAMoveOutOfScopeAsADelete() {
        LdapConnector connector = new LdapConnector(fixture.config(LdapConnectorConfig.builder())
                .excludeContainer(fixture.otherOu)
                .build());
        connector.open(fixture.context);
        try {
            Anchor alice = fixture.create("user", fixture.userDn("alice"), fixture.userAttributes("alice"));
            Anchor bob = fixture.create("user", fixture.userDn("bob"), fixture.userAttributes("bob"));
            Anchor carol = fixture.create("user", fixture.userDn("carol"), fixture.userAttributes("carol"));
            Watermark w = connector.fullImport(new RecordingSink());

            fixture.rename(alice, "CN=alice," + fixture.otherOu);
            fixture.rename(bob, "CN=bob-" + System.nanoTime() % 100000 + ",CN=Users," + fixture.server.base());
            fixture.rename(carol, fixture.userDn("caroline"));
            RecordingSink sink = new RecordingSink();
            connector.deltaImport(w, sink);

            Map<Anchor, ImportChange> net = sink.net();
            assertThat(net.get(alice).kind())
                    .as("moved into an excluded container")
                    .isEqualTo(ImportChange.Kind.DELETE);
            assertThat(net.get(bob).kind())
                    .as("moved out of the included container")
                    .isEqualTo(ImportChange.Kind.DELETE);
            assertThat(net.get(carol).object().dn()).isEqualToIgnoringCase(fixture.userDn("caroline"));
            fixture.delete(bob);
        } finally {
            connector.close();
        }
    }
}
