package dev.joinery.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.testkit.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AD range retrieval, exercised: the in-memory server answers as AD does ({@code member;range=0-1499}, then
 * {@code member;range=1500-2999} ... {@code member;range=N-*}), and a group of 250,000 members imports whole in a full import, and one of 5,000 in
 * a full import, in a modifyTimestamp delta, and in a read by anchor (how a DirSync delta reads a changed
 * object).
 *
 * <p>From the reference: "a 250,000-member group imports whole" (issue 4); AD answers a value count above
 * MaxValRange with ranged attribute names, which a client completes by asking for the next range.
 */
class RangeRetrievalTest {
    private static final int MEMBERS = 5_000;
    private InMemoryAdFixture fixture;
    private String group;

    @BeforeEach
    void start() throws Exception {
        fixture = new InMemoryAdFixture();
        group = "CN=all-staff," + fixture.ou;
        fixture.backdoor.add(bigGroup(group, MEMBERS, fixture.otherOu));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** A group whose members are {@code CN=m0,<container>} ... (AD needs them to exist; the test server does not). */
    static Entry bigGroup(String dn, int members, String container) {
        String[] values = new String[members];
        for (int i = 0; i < members; i++) {
            values[i] = "CN=m" + i + "," + container;
        }
        return new Entry(
                dn,
                new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", "all-staff"),
                new Attribute("member", values));
    }

    private ConnectorObject groupIn(RecordingSink sink) {
        return groupIn(sink, group);
    }

    private static ConnectorObject groupIn(RecordingSink sink, String dn) {
        return sink.upserts().stream()
                .filter(o -> o.dn().equalsIgnoreCase(dn))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dn + " was not imported"));
    }

    @Test
    void aFullImportReadsEveryRangeOfALargeGroup() {
        RecordingSink sink = new RecordingSink();

        fixture.connector.fullImport(sink);

        List<AttributeValue> members = groupIn(sink).values("member");
        assertThat(members).hasSize(MEMBERS);
        assertThat(members.get(0)).isEqualTo(AttributeValue.reference("CN=m0," + fixture.otherOu));
        assertThat(members.get(MEMBERS - 1)).isEqualTo(AttributeValue.reference("CN=m4999," + fixture.otherOu));
        assertThat(fixture.ad.interceptor.rangedParts.get())
                .as("ranged parts served")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void aGroupOf250000MembersImportsWhole() throws Exception {
        String huge = "CN=everyone," + fixture.ou;
        fixture.backdoor.add(bigGroup(huge, 250_000, fixture.otherOu));
        RecordingSink sink = new RecordingSink();

        fixture.connector.fullImport(sink);

        ConnectorObject imported = groupIn(sink, huge);
        assertThat(imported.values("member")).hasSize(250_000);
        assertThat(new java.util.HashSet<>(imported.values("member"))).hasSize(250_000);
    }

    @Test
    void aDeltaImportReadsTheChangedLargeGroupWhole() throws Exception {
        Watermark w = fixture.connector.fullImport(new RecordingSink());
        fixture.ad.interceptor.rangedParts.set(0);
        fixture.backdoor.modify(
                group, new Modification(ModificationType.ADD, "member", "CN=newcomer," + fixture.otherOu));

        RecordingSink sink = new RecordingSink();
        fixture.connector.deltaImport(w, sink);

        assertThat(groupIn(sink).values("member"))
                .hasSize(MEMBERS + 1)
                .contains(AttributeValue.reference("CN=newcomer," + fixture.otherOu));
        assertThat(fixture.ad.interceptor.rangedParts.get()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aReadByAnchorAsDirSyncDoesCompletesTheRanges() throws Exception {
        Anchor anchor = fixture.anchorOf(fixture.backdoor.getEntry(group, "objectGUID"));

        List<ConnectorObject> read = new java.util.ArrayList<>();
        fixture.connector.reader().readAll(List.of(anchor), read::add);

        assertThat(read)
                .singleElement()
                .satisfies(o -> assertThat(o.values("member")).hasSize(MEMBERS).doesNotHaveDuplicates());
    }

    @Test
    void anAttributeBelowTheLimitIsNotRanged() throws Exception {
        String small = "CN=small," + fixture.ou;
        fixture.backdoor.add(bigGroup(small, 1500, fixture.otherOu).duplicate());
        fixture.ad.interceptor.rangedParts.set(0);

        ConnectorObject read = fixture.connector
                .reader()
                .read(fixture.anchorOf(fixture.backdoor.getEntry(small, "objectGUID")))
                .orElseThrow();

        assertThat(read.values("member")).hasSize(1500);
        assertThat(fixture.ad.interceptor.rangedParts.get()).isZero();
    }
}
