package dev.joinery.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.Contributor;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.Link;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvAttribute;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.rules.Direction;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@link SyncTransaction} contract, on the in-memory store. */
class InMemorySyncStoreTest {
    private final InMemorySyncStore store = InMemorySyncStore.create();

    private static CsObject cs(String dn, String anchor, Map<String, List<AttributeValue>> attributes) {
        return CsObject.imported(UUID.randomUUID(), "AD", Anchor.of(anchor), dn, "user", attributes);
    }

    @Test
    void aRolledBackBatchLeavesNothingBehind() {
        CsObject kept = cs("CN=Kept,DC=x", "a1", Map.of());
        try (SyncTransaction tx = store.begin()) {
            tx.putCs(kept);
            tx.saveWatermark("AD", new Watermark("1"));
            tx.commit();
        }
        try (SyncTransaction tx = store.begin()) {
            tx.putCs(cs("CN=Gone,DC=x", "a2", Map.of("mail", List.of(AttributeValue.text("g@x")))));
            tx.putCs(kept.withDn("CN=Moved,DC=x"));
            tx.removeCs(kept.id());
            tx.saveWatermark("AD", new Watermark("2"));
            tx.rollback();
        }
        try (SyncTransaction tx = store.begin()) {
            assertThat(tx.csIds("AD")).containsExactly(kept.id());
            assertThat(tx.csByDn("AD", "cn=kept,dc=X")).contains(kept);
            assertThat(tx.csByDn("AD", "CN=Moved,DC=x")).isEmpty();
            assertThat(tx.findCs("AD", "mail", AttributeValue.text("g@x"))).isEmpty();
            assertThat(tx.watermark("AD")).isEqualTo(new Watermark("1"));
        }
    }

    @Test
    void aRulesFingerprintIsSavedPerConnectorOnCommitAndUndoneByRollback() {
        try (SyncTransaction tx = store.begin()) {
            assertThat(tx.rulesFingerprint("AD")).isEmpty();
            tx.saveRulesFingerprint("AD", "one");
            tx.commit();
        }
        try (SyncTransaction tx = store.begin()) {
            tx.saveRulesFingerprint("AD", "two");
            tx.saveRulesFingerprint("cloud", "three");
            tx.rollback();
        }
        try (SyncTransaction tx = store.begin()) {
            assertThat(tx.rulesFingerprint("AD")).contains("one");
            assertThat(tx.rulesFingerprint("cloud")).isEmpty();
        }
    }

    @Test
    void anExportMemoryKeepsAClearedAttributeAsAnEmptyList() {
        CsObject cs = cs("CN=A,DC=x", "a1", Map.of()).withExportMemory(Map.of("title", List.of()));
        try (SyncTransaction tx = store.begin()) {
            tx.putCs(cs);
            tx.commit();
        }
        try (SyncTransaction tx = store.begin()) {
            assertThat(tx.cs(cs.id()).orElseThrow().exportMemory()).containsEntry("TITLE", List.of());
        }
    }

    @Test
    void onlyOneTransactionIsOpenAtATime() {
        try (SyncTransaction tx = store.begin()) {
            assertThatThrownBy(store::begin).isInstanceOf(IllegalStateException.class);
        }
        store.begin().close();
    }

    @Test
    void dnsAndAnchorsAreUniquePerConnector() {
        try (SyncTransaction tx = store.begin()) {
            tx.putCs(cs("CN=A,DC=x", "a1", Map.of()));
            assertThatThrownBy(() -> tx.putCs(cs("cn=a,dc=x", "a2", Map.of())))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> tx.putCs(cs("CN=B,DC=x", "a1", Map.of())))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void valueLookupsIgnoreCaseOfTextAndFollowReplacements() {
        UUID mvId = UUID.randomUUID();
        Contributor by = new Contributor("r", "AD", Anchor.of("a1"));
        try (SyncTransaction tx = store.begin()) {
            tx.putMv(new MvObject(
                    mvId, "person", Map.of("mail", new MvAttribute(List.of(AttributeValue.text("Bob@X")), by))));
            assertThat(tx.findMv("person", "MAIL", AttributeValue.text("bob@x")))
                    .containsExactly(mvId);
            assertThat(tx.findMv("group", "mail", AttributeValue.text("bob@x"))).isEmpty();
            tx.putMv(new MvObject(mvId, "person", Map.of()));
            assertThat(tx.findMv(null, "mail", AttributeValue.text("bob@x"))).isEmpty();
        }
    }

    @Test
    void linksReferencesAndPendingImportsAreIndexed() {
        UUID mvId = UUID.randomUUID();
        UUID target = UUID.randomUUID();
        Contributor by = new Contributor("r", "AD", Anchor.of("g"));
        CsObject group = cs("CN=G,DC=x", "g", Map.of("member", List.of(AttributeValue.reference("CN=Late,DC=x"))))
                .withLink(new Link(mvId, "r", Direction.INBOUND, LinkKind.PROJECTED));
        try (SyncTransaction tx = store.begin()) {
            tx.putMv(new MvObject(
                    mvId,
                    "group",
                    Map.of("member", new MvAttribute(List.of(AttributeValue.reference(target.toString())), by))));
            tx.putCs(group);
            assertThat(tx.csLinkedTo(mvId)).containsExactly(group.id());
            assertThat(tx.csReferencing("AD", "cn=late,dc=x")).containsExactly(group.id());
            assertThat(tx.mvReferencing(target)).containsExactly(mvId);
            assertThat(tx.pendingImports("AD")).containsExactly(group.id());
            tx.putCs(group.withPendingImport(PendingImport.NONE));
            assertThat(tx.pendingImports("AD")).isEmpty();
            assertThatThrownBy(() -> tx.removeMv(mvId)).isInstanceOf(IllegalStateException.class);
        }
    }
}
