package dev.joinery.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.emulator.graph.GraphEmulator;
import dev.joinery.emulator.graph.ThrottleLimits;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.run.SyncEngine;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine provisions metaverse persons and groups from an HR source into the Graph emulator through the Entra ID
 * connector, over loopback HTTP as in production; after every cycle the tenant is compared object by object with
 * what the source says it must hold.
 */
class GraphEndToEndTest {
    private static final long SEED = 20261123L;
    private GraphWorld w;

    @AfterEach
    void stop() {
        if (w != null) {
            w.close();
        }
    }

    @Test
    void personsAndGroupsStayExactThroughChangesRenamesAndDeletes() {
        w = new GraphWorld(GraphEmulator.builder());
        SplittableRandom random = new SplittableRandom(SEED);
        List<ConnectorObject> people = w.people(random, 24);
        List<ConnectorObject> teams = w.groups(random, 4, people);

        cycleIsClean(w.engine.cycle(SyncEngine.Cycle.INITIAL));
        assertTenantMatchesSource();

        // changes, renames (userPrincipalName, mailNickname), deletes, membership both ways, a new member
        w.hr.modify(
                people.get(1).anchor(),
                List.of(AttributeChange.replace("title", List.of(AttributeValue.text("Boss")))));
        w.hr.modify(
                people.get(2).anchor(),
                List.of(
                        AttributeChange.replace("upn", List.of(AttributeValue.text("renamed2@" + GraphWorld.DOMAIN))),
                        AttributeChange.replace("displayName", List.of(AttributeValue.text("Renamed Two")))));
        w.hr.delete(people.get(3).anchor());
        w.hr.delete(people.get(4).anchor());
        ConnectorObject newcomer = w.person("newcomer", "Intern");
        w.hr.modify(
                teams.get(0).anchor(),
                List.of(
                        AttributeChange.add("member", List.of(AttributeValue.reference(newcomer.dn()))),
                        AttributeChange.add(
                                "member",
                                List.of(AttributeValue.reference(people.get(2).dn())))));
        w.hr.modify(
                teams.get(1).anchor(),
                List.of(
                        AttributeChange.replace("cn", List.of(AttributeValue.text("crew1"))),
                        AttributeChange.replace("displayName", List.of(AttributeValue.text("Renamed team")))));
        w.hr.modify(teams.get(2).anchor(), List.of(AttributeChange.clear("member")));
        w.hr.delete(teams.get(3).anchor());

        cycleIsClean(w.engine.cycle(SyncEngine.Cycle.DELTA));
        assertTenantMatchesSource();

        // a second delta cycle finds nothing left to do and changes nothing
        List<RunRecord> quiet = w.engine.cycle(SyncEngine.Cycle.DELTA);
        cycleIsClean(quiet);
        assertThat(export(quiet).counts().exported()).as("seed %s", SEED).isZero();
        assertTenantMatchesSource();
    }

    /**
     * aadc-semantics-notes §2.13: "conflicting UPN / SMTP proxyAddress is quarantined instead of failing the
     * object; ... an hourly background task releases resolved conflicts". Two source users want the same SMTP
     * address; Graph makes a user's mail its primary proxy address (graph-directory-notes §1.3), so the second one's
     * create fails with the proxyAddresses conflict. The value is quarantined, the error reported on both objects,
     * every other object exported; once the first user is gone, the second one gets the address.
     */
    @Test
    void aConflictingProxyAddressIsQuarantinedReportedOnBothAndReleasedOnceResolved() {
        w = new GraphWorld(GraphEmulator.builder());
        String shared = "shared@" + GraphWorld.DOMAIN;
        for (int i = 0; i < 6; i++) {
            w.person("user" + i, "Staff");
        }
        ConnectorObject ann = w.person("ann", "Staff", shared);
        cycleIsClean(w.engine.cycle(SyncEngine.Cycle.INITIAL));

        w.person("zed", "Staff", shared);
        w.person("newcomer", "Staff");
        List<RunRecord> runs = w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(export(runs).status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
        assertThat(w.tenant.ids("user")).hasSize(9);
        List<ObjectError> errors = w.errors(runs);
        assertThat(errors).extracting(ObjectError::code).containsOnly(ErrorCode.DUPLICATE_ATTRIBUTE_QUARANTINED);
        assertThat(errors)
                .extracting(ObjectError::dn)
                .containsExactlyInAnyOrder("users/ann@" + GraphWorld.DOMAIN, "users/zed@" + GraphWorld.DOMAIN);
        assertThat(errors).allMatch(e -> e.attribute().equals("mail"));
        assertThat(mailOf("ann")).isEqualTo(shared);
        assertThat(mailOf("zed")).isNotEqualTo(shared);
        assertThat(w.pendingExports()).isZero();

        // a new mail would not do: Graph keeps the old primary address as a secondary proxy (notes §1.3)
        w.hr.delete(ann.anchor());
        cycleIsClean(w.engine.cycle(SyncEngine.Cycle.DELTA));
        cycleIsClean(w.engine.cycle(SyncEngine.Cycle.DELTA));
        // the engine has no hourly release task: a full synchronization looks at the quarantined object again
        w.engine.fullSync(GraphWorld.HR);
        w.engine.export(GraphWorld.ENTRA);
        assertThat(mailOf("zed")).isEqualTo(shared);
        assertThat(w.actualUsers()).isEqualTo(w.expectedUsers());
    }

    private String mailOf(String name) {
        String id = w.tenant
                .find("user", "userPrincipalName", name + "@" + GraphWorld.DOMAIN)
                .orElseThrow();
        return w.tenant.get(id).orElseThrow().path("mail").asText(null);
    }

    /**
     * graph-directory-notes §7: "on 429 sleep for {@code Retry-After} seconds and retry, repeating while 429
     * persists". The emulator allows 10 writes per 10 s per app and tenant; the export waits (on the fake clock)
     * and loses nothing.
     */
    @Test
    void throttlingSlowsTheExportWithoutLosingAChange() {
        ThrottleLimits low = ThrottleLimits.of(
                new ThrottleLimits.Limit(ThrottleLimits.Scope.APPLICATION_TENANT, 10, Duration.ofSeconds(10)));
        w = new GraphWorld(GraphEmulator.builder().throttling(low));
        SplittableRandom random = new SplittableRandom(SEED);
        List<ConnectorObject> people = w.people(random, 30);
        List<ConnectorObject> teams = w.groups(random, 3, people);

        cycleIsClean(w.engine.cycle(SyncEngine.Cycle.INITIAL));
        assertTenantMatchesSource();
        assertThat(w.slept).as("the export waited for Retry-After").isNotEmpty();

        for (int i = 0; i < 10; i++) {
            w.hr.modify(
                    people.get(i).anchor(),
                    List.of(AttributeChange.replace("title", List.of(AttributeValue.text("New " + i)))));
        }
        w.hr.modify(teams.get(0).anchor(), List.of(AttributeChange.clear("member")));
        int waitsBefore = w.slept.size();
        cycleIsClean(w.engine.cycle(SyncEngine.Cycle.DELTA));
        assertTenantMatchesSource();
        assertThat(w.slept.size()).isGreaterThan(waitsBefore);
    }

    /**
     * An object made in the tenant after the last import is unknown to the connector space, so synchronization stages
     * an add; the export asks the tenant first (the connector's lookup) and joins it instead: a cloud user whose
     * onPremisesImmutableId is the on-premises user's sourceAnchor is hard-matched (aadc-semantics-notes: "hard
     * match" on the sourceAnchor) and a group with the same mailNickname joined, both updated to what the rules say,
     * none created twice.
     */
    @Test
    void anObjectMadeInTheTenantSinceTheLastImportIsJoinedNotCreatedTwice() {
        w = new GraphWorld(GraphEmulator.builder());
        ConnectorObject alice = w.person("alice", "Engineer");
        w.person("bob", "Analyst");
        w.group("pilots", List.of(alice));
        w.engine.fullImport(GraphWorld.HR);
        w.engine.fullImport(GraphWorld.ENTRA);
        com.fasterxml.jackson.databind.node.ObjectNode user =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        user.put("userPrincipalName", "alice.cloud@" + GraphWorld.DOMAIN)
                .put("displayName", "Alice (cloud)")
                .put("mailNickname", "alice.cloud")
                .put("accountEnabled", true)
                .put("onPremisesImmutableId", "E-alice");
        String cloudAlice = w.tenant.create("user", user);
        com.fasterxml.jackson.databind.node.ObjectNode group =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        group.put("displayName", "made by hand")
                .put("mailNickname", "pilots")
                .put("securityEnabled", true)
                .put("mailEnabled", false);
        String cloudGroup = w.tenant.create("group", group);

        List<RunRecord> runs = List.of(
                w.engine.fullSync(GraphWorld.HR),
                w.engine.fullSync(GraphWorld.ENTRA),
                w.engine.export(GraphWorld.ENTRA));

        cycleIsClean(runs);
        assertThat(runs.get(2).counts().joins()).isEqualTo(2);
        assertThat(w.tenant.ids("user")).hasSize(2).contains(cloudAlice);
        assertThat(w.tenant.ids("group")).containsExactly(cloudGroup);
        assertThat(w.actualUsers()).isEqualTo(w.expectedUsers());
        assertThat(w.actualGroups()).isEqualTo(w.expectedGroups());
        cycleIsClean(w.engine.cycle(SyncEngine.Cycle.DELTA));
        assertTenantMatchesSource();
    }

    private void assertTenantMatchesSource() {
        assertThat(w.actualUsers()).as("users, seed %s", SEED).isEqualTo(w.expectedUsers());
        assertThat(w.actualGroups()).as("groups, seed %s", SEED).isEqualTo(w.expectedGroups());
        assertThat(w.pendingExports()).as("pending exports").isZero();
    }

    private void cycleIsClean(List<RunRecord> runs) {
        assertThat(w.errors(runs)).as("errors, seed %s", SEED).isEmpty();
        assertThat(runs).allSatisfy(r -> assertThat(r.status())
                .as(r.step() + " " + r.connector() + ": " + r.message())
                .isEqualTo(RunStatus.SUCCESS));
    }

    private static RunRecord export(List<RunRecord> runs) {
        return runs.stream()
                .filter(r -> r.step() == RunStep.EXPORT && r.connector().equals(GraphWorld.ENTRA))
                .findFirst()
                .orElseThrow();
    }
}
