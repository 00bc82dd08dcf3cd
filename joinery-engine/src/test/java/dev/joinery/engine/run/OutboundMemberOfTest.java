package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ISMEMBEROF / ISNOTMEMBEROF in outbound rules: "The value should contain a DN to a group in the connector space. If
 * the object is a member of the group specified, the rule is in scope." For a metaverse object, membership is the
 * metaverse group's {@code member} reference; the value is the group's DN in a connector space that links it (or its
 * metaverse id).
 */
class OutboundMemberOfTest {
    private static final String PILOT = "CN=CloudPilot,OU=Groups,DC=example";

    /** Out to AAD - User Join with one more clause, the cloud pilot pattern. */
    private static List<SyncRule> rules(ScopeClause clause) {
        List<SyncRule> rules = new ArrayList<>();
        for (SyncRule r : Rules.singleForest()) {
            if (r.name().equals("Out to AAD - User Join")) {
                List<ScopeClause> group = new ArrayList<>(r.scope().groups().get(0));
                group.add(clause);
                r = r.toBuilder()
                        .scope(ScopeFilter.allOf(group.toArray(ScopeClause[]::new)))
                        .build();
            }
            rules.add(r);
        }
        return rules;
    }

    private static ConnectorObject person(World w, String cn, int i) {
        return user(
                w.ad,
                cn,
                "cn",
                cn,
                "sAMAccountName",
                cn.toLowerCase(java.util.Locale.ROOT),
                "employeeID",
                "E" + i,
                "objectSid",
                "S-1-5-21-1-" + i,
                "userAccountControl",
                512L);
    }

    private static List<String> cloudUsers(World w) {
        return w.cloud.objects().stream()
                .filter(o -> o.objectType().equals("user"))
                .map(ConnectorObject::dn)
                .toList();
    }

    @Test
    void isMemberOfWithASourceGroupDnProvisionsOnlyTheGroupsMembers() {
        World w = World.with(rules(new ScopeClause("dn", ScopeOperator.ISMEMBEROF, PILOT)));
        ConnectorObject alice = person(w, "Alice", 1);
        person(w, "Bob", 2);
        World.group(w.ad, "CloudPilot", List.of(alice));

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(cloudUsers(w)).containsExactly("CN=Alice,OU=Users,DC=cloud");
    }

    @Test
    void anObjectAddedToTheGroupIsProvisionedByTheNextDeltaCycle() {
        World w = World.with(rules(new ScopeClause("dn", ScopeOperator.ISMEMBEROF, PILOT)));
        ConnectorObject alice = person(w, "Alice", 1);
        ConnectorObject bob = person(w, "Bob", 2);
        ConnectorObject pilot = World.group(w.ad, "CloudPilot", List.of(alice));
        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        w.ad.modify(
                pilot.anchor(), List.of(AttributeChange.add("member", List.of(AttributeValue.reference(bob.dn())))));
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(cloudUsers(w)).containsExactlyInAnyOrder("CN=Alice,OU=Users,DC=cloud", "CN=Bob,OU=Users,DC=cloud");
    }

    @Test
    void isNotMemberOfWithAMetaverseIdExcludesTheGroupsMembers() {
        World w = World.with(Rules.singleForest());
        ConnectorObject alice = person(w, "Alice", 1);
        person(w, "Bob", 2);
        World.group(w.ad, "CloudPilot", List.of(alice));
        w.engine.cycle(SyncEngine.Cycle.INITIAL);
        String groupId = w.mvOf(AD, PILOT).orElseThrow().id().toString();
        SyncRule outUser = rules(new ScopeClause("dn", ScopeOperator.ISNOTMEMBEROF, groupId)).stream()
                .filter(r -> r.name().equals("Out to AAD - User Join"))
                .findFirst()
                .orElseThrow();
        List<SyncRule> changed = new ArrayList<>(w.settings.rules());
        changed.replaceAll(r -> r.name().equals(outUser.name()) ? outUser : r);

        w.engine.withSettings(w.settings.withRules(changed)).cycle(SyncEngine.Cycle.INITIAL);

        assertThat(cloudUsers(w)).containsExactly("CN=Bob,OU=Users,DC=cloud");
    }
}
