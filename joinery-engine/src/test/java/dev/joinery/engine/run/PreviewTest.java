package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.RES;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.sync.Preview;
import org.junit.jupiter.api.Test;

/**
 * "Generate Preview keeps changes in memory only ... shows which rule applied for each attribute flow" (notes
 * §2.15).
 */
class PreviewTest {

    @Test
    void aPreviewExplainsScopeJoinFlowsAndPendingExportsWithoutCommitting() {
        World w = World.with(Rules.twoForests());
        user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "sAMAccountName",
                "alice",
                "displayName",
                "Alice A",
                "employeeID",
                "E1",
                "objectSid",
                "S-1",
                "userAccountControl",
                512L);
        user(
                w.res,
                "Alice",
                "cn",
                "Alice",
                "displayName",
                "Alice Smith",
                "employeeID",
                "R1",
                "objectSid",
                "S-2",
                "msExchMasterAccountSid",
                "S-1",
                "mailNickname",
                "alice",
                "userAccountControl",
                514L);
        w.engine.fullImport(AD);
        w.engine.fullImport(RES);
        w.engine.fullSync(AD);

        Preview preview = w.engine.preview(RES, "CN=Alice,OU=Users,DC=example");

        assertThat(preview.scope("In from RES - User AccountEnabled").inScope()).isFalse();
        assertThat(preview.scope("In from RES - User AccountEnabled").reason())
                .contains("userAccountControl ISBITNOTSET 2: no");
        assertThat(preview.scope("In from RES - User Common from Exchange").inScope())
                .isTrue();
        assertThat(preview.scope("Out to AAD - User Join").direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(preview.join()).anyMatch(j -> j.contains("joined to") && j.contains("group 2"));
        assertThat(preview.flows("displayName"))
                .anyMatch(f -> f.rule().equals("In from RES - User Common from Exchange")
                        && f.won()
                        && f.value().equals("Alice Smith"))
                .anyMatch(f -> f.rule().equals("In from AD - User Common") && !f.won());
        assertThat(World.text(preview.metaverse(), "displayName")).isEqualTo("Alice Smith");
        assertThat(preview.pendingExports()).singleElement().satisfies(p -> {
            assertThat(p.connector()).isEqualTo(CLOUD);
            assertThat(p.kind()).isEqualTo(PendingExport.Kind.ADD);
        });

        assertThat(w.cs(RES, "CN=Alice,OU=Users,DC=example").orElseThrow().isLinked())
                .isFalse();
        assertThat(World.text(w.mvOf(AD, "CN=Alice,OU=Users,DC=example").orElseThrow(), "displayName"))
                .isEqualTo("Alice A");
        assertThat(w.pending(CLOUD)).singleElement().satisfies(p -> assertThat(p.changes())
                .anyMatch(c ->
                        c.name().equals("displayName") && c.values().toString().contains("Alice A")));
    }
}
