package dev.joinery.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.PendingExport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Adds that reference other adds of the same export go after them (a group after its members, a nesting group after
 * the groups it nests), so a target that resolves references when it creates an object finds them.
 */
class ExportOrderTest {

    private static PendingExport add(String dn, String... members) {
        List<AttributeChange> changes = members.length == 0
                ? List.of()
                : List.of(AttributeChange.add(
                        "member",
                        java.util.Arrays.stream(members)
                                .map(m -> (AttributeValue) AttributeValue.reference(m))
                                .toList()));
        return new PendingExport(
                "cloud", UUID.randomUUID(), null, dn, "group", PendingExport.Kind.ADD, null, changes, 0, null);
    }

    @Test
    void referencedAddsRankBeforeTheAddsThatReferenceThem() {
        PendingExport all = add("groups/all", "groups/sales", "groups/it");
        PendingExport sales = add("groups/sales", "users/alice", "users/outside");
        PendingExport it = add("groups/it", "USERS/BOB");
        PendingExport alice = add("users/alice");
        PendingExport bob = add("users/bob");

        Map<UUID, Integer> ranks = ExportRun.referenceRanks(List.of(all, sales, it, alice, bob));

        assertThat(ranks.get(alice.csId())).isZero();
        assertThat(ranks.get(bob.csId())).isZero();
        assertThat(ranks.get(sales.csId())).isEqualTo(1);
        assertThat(ranks.get(it.csId())).isEqualTo(1);
        assertThat(ranks.get(all.csId())).isEqualTo(2);
    }

    @Test
    void aReferenceCycleDoesNotLoop() {
        PendingExport a = add("groups/a", "groups/b");
        PendingExport b = add("groups/b", "groups/a");

        Map<UUID, Integer> ranks = ExportRun.referenceRanks(List.of(a, b));

        assertThat(ranks).containsKeys(a.csId(), b.csId());
    }
}
