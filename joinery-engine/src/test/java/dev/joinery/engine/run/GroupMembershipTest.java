package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.group;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group membership: references translated through the metaverse, changed by value, waiting for their target. */
class GroupMembershipTest {
    private final World w = World.with(Rules.singleForest());

    private ConnectorObject person(int i) {
        return user(
                w.ad,
                "User" + i,
                "cn",
                "User" + i,
                "sAMAccountName",
                "user" + i,
                "employeeID",
                "E" + i,
                "objectSid",
                "S-1-5-21-1-" + i,
                "userAccountControl",
                512L);
    }

    private List<ConnectorObject> people(int n) {
        List<ConnectorObject> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(person(i));
        }
        return list;
    }

    private List<String> cloudMembers(String group) {
        return w.cloud.findByDn("CN=" + group + ",OU=Groups,DC=cloud").orElseThrow().values("member").stream()
                .map(AttributeValue::toString)
                .toList();
    }

    @Test
    void membersArriveInTheCloudAsReferencesToTheProvisionedUsers() {
        List<ConnectorObject> members = people(3);
        group(w.ad, "Sales", members);

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(cloudMembers("Sales"))
                .containsExactlyInAnyOrder(
                        "CN=User1,OU=Users,DC=cloud", "CN=User2,OU=Users,DC=cloud", "CN=User3,OU=Users,DC=cloud");
    }

    /** A group read before its members: the member references wait and are filled when the members arrive. */
    @Test
    void aMemberReferenceWaitsForItsTarget() {
        ConnectorObject early = w.ad.add(
                "group",
                "CN=Early,OU=Groups,DC=example",
                World.values(
                        "cn",
                        "Early",
                        "displayName",
                        "Early",
                        "member",
                        List.of(AttributeValue.reference("CN=Late,OU=Users,DC=example"))));
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        assertThat(w.mvOf(AD, early.dn()).orElseThrow().values("member")).isEmpty();

        user(w.ad, "Late", "cn", "Late", "employeeID", "E9", "objectSid", "S-9", "userAccountControl", 512L);
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(w.mvOf(AD, early.dn()).orElseThrow().values("member")).hasSize(1);
        assertThat(cloudMembers("Early")).containsExactly("CN=Late,OU=Users,DC=cloud");
    }

    /**
     * "Membership of a large group changes by ADD and DELETE, never by REPLACE" (connector SPI), and delta
     * synchronization touches "only CS objects with pending imports and the MV objects they reach" (design).
     */
    @Test
    void changingOneMemberOfALargeGroupReprocessesOnlyTheGroupAndExportsOneValue() {
        List<ConnectorObject> members = people(60);
        ConnectorObject big = group(w.ad, "Big", members.subList(0, 59));
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.DELTA);
        assertThat(cloudMembers("Big")).hasSize(59);

        w.ad.modify(
                big.anchor(),
                List.of(
                        AttributeChange.add(
                                "member",
                                List.of(AttributeValue.reference(members.get(59).dn()))),
                        AttributeChange.delete(
                                "member",
                                List.of(AttributeValue.reference(members.get(0).dn())))));
        w.engine.deltaImport(AD);
        RunRecord sync = w.engine.deltaSync(AD);

        assertThat(sync.counts().processed()).isEqualTo(1);
        assertThat(sync.counts().updates()).isEqualTo(1);
        List<PendingExport> pending = w.pending(CLOUD);
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).changes())
                .containsExactlyInAnyOrder(
                        AttributeChange.add("member", List.of(AttributeValue.reference("CN=User60,OU=Users,DC=cloud"))),
                        AttributeChange.delete(
                                "member", List.of(AttributeValue.reference("CN=User1,OU=Users,DC=cloud"))));
        w.engine.export(CLOUD);
        assertThat(cloudMembers("Big"))
                .hasSize(59)
                .contains("CN=User60,OU=Users,DC=cloud")
                .doesNotContain("CN=User1,OU=Users,DC=cloud");
    }

    @Test
    void aDeletedMemberLeavesTheGroupInTheCloud() {
        List<ConnectorObject> members = people(2);
        group(w.ad, "Pair", members);
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        w.ad.delete(members.get(1).anchor());
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(cloudMembers("Pair")).containsExactly("CN=User1,OU=Users,DC=cloud");
        assertThat(w.cloud.findByDn("CN=User2,OU=Users,DC=cloud")).isEmpty();
    }
}
