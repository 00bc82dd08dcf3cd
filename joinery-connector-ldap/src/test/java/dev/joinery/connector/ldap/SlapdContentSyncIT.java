package dev.joinery.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.testkit.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 4533 content synchronization against slapd with syncprov: adds, modifies, renames, moves and deletes
 * reach the import as the right changes, and the watermark (the sync cookie) is handed over only after them.
 */
class SlapdContentSyncIT {
    private SlapdFixture fixture;
    private LdapConnector connector;
    private String excluded;

    @BeforeEach
    void start() throws Exception {
        fixture = new SlapdFixture(LdapConnectorConfig.DeltaStrategy.CONTENT_SYNC);
        excluded = "ou=excluded," + fixture.ou;
        fixture.backdoor.add(new Entry(excluded, new Attribute("objectClass", "top", "organizationalUnit")));
        connector = new LdapConnector(fixture.config(LdapConnectorConfig.builder())
                .excludeContainer(excluded)
                .build());
        connector.open(fixture.context);
    }

    @AfterEach
    void stop() {
        connector.close();
        fixture.close();
    }

    /** Records changes and checkpoints in the order they come. */
    private static final class OrderedSink implements ImportSink {
        final RecordingSink changes = new RecordingSink();
        final List<String> events = new ArrayList<>();

        @Override
        public void accept(ImportChange change) {
            changes.accept(change);
            events.add("change");
        }

        @Override
        public void checkpoint(Watermark watermark) {
            changes.checkpoint(watermark);
            events.add("checkpoint");
        }
    }

    private Anchor user(String name) {
        return fixture.create(
                fixture.userType(), fixture.userDn(name), Map.of("sn", List.of(AttributeValue.text(name))));
    }

    @Test
    void aFullImportIsTheInitialRefreshAndHandsItsCookieOverAtTheEnd() {
        Anchor alice = user("alice");
        Anchor bob = user("bob");
        OrderedSink sink = new OrderedSink();

        Watermark w = connector.fullImport(sink);

        assertThat(sink.changes.net().keySet()).containsExactlyInAnyOrder(alice, bob);
        assertThat(sink.events).containsExactly("change", "change", "checkpoint");
        assertThat(sink.changes.checkpoints()).containsExactly(w);
        assertThat(w.token()).startsWith("ldap1:syncrepl;");
    }

    @Test
    void addsModifiesRenamesMovesAndDeletesReachTheImportAsTheRightChanges() {
        Anchor alice = user("alice");
        Anchor bob = user("bob");
        Anchor carol = user("carol");
        Anchor dave = user("dave");
        Anchor erin = user("erin");
        Watermark w = connector.fullImport(new RecordingSink());

        Anchor frank = user("frank");
        fixture.modify(alice, List.of(AttributeChange.replace("displayName", List.of(AttributeValue.text("Alice A")))));
        fixture.rename(bob, fixture.userDn("robert"));
        fixture.rename(carol, fixture.userDnInOtherContainer("carol").orElseThrow());
        fixture.rename(dave, "CN=dave," + excluded);
        fixture.delete(erin);
        OrderedSink sink = new OrderedSink();
        Watermark next = connector.deltaImport(w, sink);

        Map<Anchor, ImportChange> net = sink.changes.net();
        assertThat(net.keySet()).containsExactlyInAnyOrder(frank, alice, bob, carol, dave, erin);
        assertThat(net.get(frank).kind()).isEqualTo(ImportChange.Kind.UPSERT);
        assertThat(net.get(alice).object().values("displayName")).containsExactly(AttributeValue.text("Alice A"));
        assertThat(net.get(bob).object().dn()).isEqualToIgnoringCase(fixture.userDn("robert"));
        assertThat(net.get(carol).object().dn())
                .isEqualToIgnoringCase(fixture.userDnInOtherContainer("carol").orElseThrow());
        assertThat(net.get(dave).kind()).as("moved out of scope").isEqualTo(ImportChange.Kind.DELETE);
        assertThat(net.get(erin).kind()).isEqualTo(ImportChange.Kind.DELETE);
        assertThat(sink.events).last().isEqualTo("checkpoint");
        assertThat(sink.events).filteredOn("checkpoint"::equals).hasSize(1);
        assertThat(sink.changes.checkpoints()).containsExactly(next);

        RecordingSink again = new RecordingSink();
        connector.deltaImport(next, again);
        assertThat(again.changes()).isEmpty();
    }

    @Test
    void anObjectMovedBackIntoScopeIsImportedAgain() {
        Anchor dave = user("dave");
        Watermark w = connector.fullImport(new RecordingSink());
        fixture.rename(dave, "CN=dave," + excluded);
        Watermark out = connector.deltaImport(w, new RecordingSink());

        fixture.rename(dave, fixture.userDn("dave"));
        RecordingSink sink = new RecordingSink();
        connector.deltaImport(out, sink);

        assertThat(sink.upserts()).extracting(o -> o.anchor()).containsExactly(dave);
    }

    /**
     * RFC 4533 3.4: without a session log covering the cookie, the server sends the present phase (the entries
     * still there, refreshDeletes FALSE); every known entry not named present or changed was deleted.
     */
    @Test
    void aCookieTheSessionLogNoLongerCoversGivesThePresentPhaseAndItsDeletes() {
        Anchor alice = user("alice");
        Anchor bob = user("bob");
        Watermark w = connector.fullImport(new RecordingSink());
        fixture.delete(bob);
        Watermark ancient = WatermarkToken.parse(w, "syncrepl")
                .with("c0", "rid=000,csn=20000101000000.000000Z#000000#000#000000")
                .toWatermark();

        RecordingSink sink = new RecordingSink();
        connector.deltaImport(ancient, sink);

        assertThat(sink.deletes()).containsExactly(bob);
        assertThat(sink.net().get(alice)).satisfiesAnyOf(c -> assertThat(c).isNull(), c -> assertThat(c.kind())
                .isEqualTo(ImportChange.Kind.UPSERT));
    }
}
