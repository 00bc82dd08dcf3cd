package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.PendingImport;
import org.junit.jupiter.api.Test;

/**
 * "Import matching: first by anchor; if none, by DN… DN match with a different anchor ⇒ old object gets a temporary
 * DN and becomes transient until the rename/deletion is imported."
 */
class TransientObjectTest {
    private static final String DN = "CN=Alice,OU=Users,DC=example";
    private final World w = World.with(Rules.singleForest());

    /** Alice is renamed and a new Alice takes her DN; an import that sees only the newcomer runs. */
    private ConnectorObject newcomerArrivesBeforeTheRename() {
        ConnectorObject alice = user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "employeeID",
                "E1",
                "objectSid",
                "S-1",
                "sAMAccountName",
                "alice",
                "userAccountControl",
                512L);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.ad.rename(alice.anchor(), "CN=Alice Old,OU=Users,DC=example");
        ConnectorObject newcomer = user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "employeeID",
                "E2",
                "objectSid",
                "S-2",
                "sAMAccountName",
                "alice2",
                "userAccountControl",
                512L);
        Watermark since = w.read(tx -> tx.watermark(AD));
        new ImportRun(w.store, w.settings)
                .delta(
                        AD,
                        (from, sink) -> {
                            sink.accept(ImportChange.upsert(newcomer));
                            return from;
                        },
                        since);
        return alice;
    }

    private CsObject byAnchor(ConnectorObject o) {
        return w.read(tx -> tx.csByAnchor(AD, o.anchor())).orElseThrow();
    }

    @Test
    void theOldObjectGetsATemporaryDnAndKeepsItsLink() {
        ConnectorObject alice = newcomerArrivesBeforeTheRename();

        CsObject old = byAnchor(alice);
        assertThat(old.isTransient()).isTrue();
        assertThat(old.dn()).isNotEqualToIgnoringCase(DN).endsWith(DN);
        assertThat(old.isLinked()).isTrue();
        assertThat(old.pendingImport()).isNotEqualTo(PendingImport.DELETE);
        assertThat(w.cs(AD, DN).orElseThrow().pendingImport()).isEqualTo(PendingImport.ADD);
    }

    @Test
    void aTransientObjectIsNotDeprovisionedAndItsDnStaysTakenInTheTarget() {
        newcomerArrivesBeforeTheRename();

        w.engine.deltaSync(AD);

        assertThat(w.mvCount()).isEqualTo(2);
        assertThat(w.pending(CLOUD)).noneMatch(p -> p.kind() == PendingExport.Kind.DELETE);
        assertThat(w.errorsOf(AD))
                .extracting(ObjectError::code)
                .as("the newcomer's cloud DN is held by the old object's cloud object")
                .containsExactly(ErrorCode.PROVISIONING_DN_TAKEN);
    }

    @Test
    void theImportedRenameEndsTheTransientState() {
        ConnectorObject alice = newcomerArrivesBeforeTheRename();
        w.engine.deltaSync(AD);

        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);

        CsObject old = byAnchor(alice);
        assertThat(old.isTransient()).isFalse();
        assertThat(old.dn()).isEqualTo("CN=Alice Old,OU=Users,DC=example");
        assertThat(old.isLinked()).isTrue();
        assertThat(w.cloud.size()).isEqualTo(1);
    }
}
