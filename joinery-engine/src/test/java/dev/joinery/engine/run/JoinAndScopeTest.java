package dev.joinery.engine.run;

import static dev.joinery.engine.run.Rules.inbound;
import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.RES;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Join, projection, disconnection and scoping, on objects from AD and RES. */
class JoinAndScopeTest {

    private static SyncRule adProvision(ScopeFilter scope) {
        return inbound("AD join", AD, "user", "person", 100)
                .linkType(LinkType.PROVISION)
                .scope(scope)
                .joinGroup(JoinGroup.of(JoinCondition.of("employeeID", "employeeID")))
                .transformation(Transformation.direct("employeeID", "employeeID"))
                .transformation(Transformation.direct("department", "department"))
                .build();
    }

    private static SyncRule resJoin(LinkType type, ScopeFilter scope) {
        return inbound("RES join", RES, "user", "person", 101)
                .linkType(type)
                .scope(scope)
                .joinGroup(JoinGroup.of(JoinCondition.of("employeeID", "employeeID")))
                .transformation(Transformation.direct("title", "title"))
                .transformation(Transformation.direct("department", "department"))
                .build();
    }

    private static void importAndSync(World w) {
        for (String c : List.of(AD, RES)) {
            w.engine.deltaImport(c);
        }
        for (String c : List.of(AD, RES)) {
            w.engine.deltaSync(c);
        }
    }

    /**
     * "If zero or more than one object is found, processing continues to the next group"; when no group finds
     * exactly one, the object is reported ambiguous and the run goes on.
     */
    @Test
    void aJoinMatchingSeveralMetaverseObjectsIsReportedAndTheRunGoesOn() {
        World w = World.with(List.of(
                inbound("AD join", AD, "user", "person", 100)
                        .linkType(LinkType.PROVISION)
                        .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "objectSid")))
                        .transformation(Transformation.direct("objectSid", "objectSid"))
                        .transformation(Transformation.direct("employeeID", "employeeID"))
                        .build(),
                resJoin(LinkType.JOIN, ScopeFilter.ALL)));
        user(w.ad, "A1", "objectSid", "S-1", "employeeID", "E1");
        user(w.ad, "A2", "objectSid", "S-2", "employeeID", "E1");
        ConnectorObject ok = user(w.res, "R2", "employeeID", "E2");
        user(w.ad, "A3", "objectSid", "S-3", "employeeID", "E2");
        ConnectorObject ambiguous = user(w.res, "R1", "employeeID", "E1");

        importAndSync(w);
        RunRecord resSync = w.runs(RES).stream()
                .filter(r -> r.step() == dev.joinery.engine.model.RunStep.DELTA_SYNC)
                .findFirst()
                .orElseThrow();

        assertThat(resSync.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(w.errors(resSync)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.JOIN_AMBIGUOUS);
            assertThat(e.dn()).isEqualTo(ambiguous.dn());
            assertThat(e.rule()).isEqualTo("RES join");
        });
        assertThat(w.cs(RES, ok.dn()).orElseThrow().isLinked()).isTrue();
        assertThat(w.cs(RES, ambiguous.dn()).orElseThrow().isLinked()).isFalse();
    }

    /** "It isn't possible to have several objects in the same connector space joined to the same metaverse object." */
    @Test
    void aSecondObjectOfTheSameConnectorSpaceCannotJoinTheSamePerson() {
        World w = World.with(List.of(adProvision(ScopeFilter.ALL), resJoin(LinkType.JOIN, ScopeFilter.ALL)));
        user(w.ad, "A", "employeeID", "E1");
        user(w.res, "R1", "employeeID", "E1");
        ConnectorObject second = user(w.res, "R2", "employeeID", "E1");

        importAndSync(w);

        List<ObjectError> errors = w.errorsOf(RES);
        assertThat(errors).extracting(ObjectError::code).containsExactly(ErrorCode.JOIN_AMBIGUOUS);
        assertThat(errors.get(0).dn()).isEqualTo(second.dn());
    }

    /** "If there are multiple sync rules where join is defined, an error occurs. Precedence isn't used to resolve join conflicts." */
    @Test
    void twoJoinRulesInScopeAreAnError() {
        World w = World.with(List.of(
                adProvision(ScopeFilter.ALL),
                inbound("AD second join", AD, "user", "person", 90)
                        .joinGroup(JoinGroup.of(JoinCondition.of("cn", "cn")))
                        .build()));
        ConnectorObject a = user(w.ad, "A", "employeeID", "E1");

        importAndSync(w);

        assertThat(w.errorsOf(AD)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MULTIPLE_JOIN_RULES);
            assertThat(e.message()).contains("'AD join'", "'AD second join'");
            assertThat(e.dn()).isEqualTo(a.dn());
        });
        assertThat(w.mvCount()).isZero();
    }

    /** "If you want to disjoin an object, the sync rule that joined the objects must go out of scope." */
    @Test
    void objectLeavingTheJoiningRulesScopeIsDisconnected() {
        ScopeFilter notGone = ScopeFilter.allOf(new ScopeClause("department", ScopeOperator.NOTEQUAL, "Gone"));
        World w = World.with(List.of(adProvision(ScopeFilter.ALL), resJoin(LinkType.JOIN, notGone)));
        ConnectorObject a = user(w.ad, "A", "employeeID", "E1");
        ConnectorObject r = user(w.res, "R", "employeeID", "E1", "title", "Boss");
        importAndSync(w);
        assertThat(World.text(w.mvOf(AD, a.dn()).orElseThrow(), "title")).isEqualTo("Boss");

        w.res.modify(r.anchor(), List.of(AttributeChange.replace("department", List.of(AttributeValue.text("Gone")))));
        importAndSync(w);

        assertThat(w.cs(RES, r.dn()).orElseThrow().isLinked()).isFalse();
        assertThat(w.mvOf(AD, a.dn()).orElseThrow().values("title")).isEmpty();
    }

    /** "When an object is joined, it isn't disjoining even if the join criteria is no longer satisfied." */
    @Test
    void theJoinIsEvaluatedOnlyOnce() {
        World w = World.with(List.of(adProvision(ScopeFilter.ALL), resJoin(LinkType.JOIN, ScopeFilter.ALL)));
        ConnectorObject a = user(w.ad, "A", "employeeID", "E1");
        ConnectorObject r = user(w.res, "R", "employeeID", "E1");
        importAndSync(w);

        w.res.modify(r.anchor(), List.of(AttributeChange.replace("employeeID", List.of(AttributeValue.text("E2")))));
        importAndSync(w);

        assertThat(w.cs(RES, r.dn()).orElseThrow().link().mvId())
                .isEqualTo(w.cs(AD, a.dn()).orElseThrow().link().mvId());
    }

    /**
     * "StickyJoin is used when a Connector isn't allowed to provision a new object to the metaverse. But, when it
     * has joined, it must be deleted in the source before the metaverse object is deleted."
     */
    @Test
    void aStickyJoinKeepsThePersonAfterTheProjectingObjectLeaves() {
        ScopeFilter notGone = ScopeFilter.allOf(new ScopeClause("department", ScopeOperator.NOTEQUAL, "Gone"));
        World w = World.with(List.of(adProvision(notGone), resJoin(LinkType.STICKY_JOIN, ScopeFilter.ALL)));
        ConnectorObject a = user(w.ad, "A", "employeeID", "E1", "department", "Sales");
        ConnectorObject r = user(w.res, "R", "employeeID", "E1", "department", "Mail");
        importAndSync(w);

        w.ad.modify(a.anchor(), List.of(AttributeChange.replace("department", List.of(AttributeValue.text("Gone")))));
        importAndSync(w);
        assertThat(w.mvCount()).isEqualTo(1);
        assertThat(World.text(w.mvOf(RES, r.dn()).orElseThrow(), "department")).isEqualTo("Mail");

        w.res.delete(r.anchor());
        importAndSync(w);
        assertThat(w.mvCount()).isZero();
    }

    /** Scoping values may be parameters: {@code %Domain.FQDN%} is the connector's. */
    @Test
    void aScopeValueCanBeAConnectorParameter() {
        World w = World.with(List.of(adProvision(
                ScopeFilter.allOf(new ScopeClause("userPrincipalName", ScopeOperator.ENDSWITH, "@%Domain.FQDN%")))));
        // "@%Domain.FQDN%" is not a parameter reference (it does not start with %), so compare a pure one too
        w = World.with(List.of(adProvision(
                ScopeFilter.allOf(new ScopeClause("extensionAttribute1", ScopeOperator.EQUAL, "%Domain.FQDN%")))));
        user(w.ad, "In", "employeeID", "E1", "extensionAttribute1", "CONTOSO.com");
        user(w.ad, "Out", "employeeID", "E2", "extensionAttribute1", "fabrikam.com");

        importAndSync(w);

        assertThat(w.mvCount()).isEqualTo(1);
        assertThat(w.mvOf(AD, "CN=In,OU=Users,DC=example")).isPresent();
    }

    /** "If the object is a member of the group specified, the rule is in scope." */
    @Test
    void isMemberOfScopesByGroupMembershipInTheConnectorSpace() {
        World w = World.with(List.of(adProvision(
                ScopeFilter.allOf(new ScopeClause("dn", ScopeOperator.ISMEMBEROF, "CN=Pilot,OU=Groups,DC=example")))));
        ConnectorObject pilot = user(w.ad, "Pilot User", "employeeID", "E1");
        user(w.ad, "Other User", "employeeID", "E2");
        World.group(w.ad, "Pilot", List.of(pilot));

        importAndSync(w);

        assertThat(w.mvCount()).isEqualTo(1);
        assertThat(w.mvOf(AD, pilot.dn())).isPresent();
    }

    /**
     * The reference scopes by "a member of the group specified"; Azure AD Connect's group filtering takes direct
     * members only, and so does Joinery: a member of a group nested in the pilot group is out of scope.
     */
    @Test
    void isMemberOfTakesDirectMembersOnly() {
        World w = World.with(List.of(adProvision(
                ScopeFilter.allOf(new ScopeClause("dn", ScopeOperator.ISMEMBEROF, "CN=Pilot,OU=Groups,DC=example")))));
        ConnectorObject direct = user(w.ad, "Direct", "employeeID", "E1");
        ConnectorObject nested = user(w.ad, "Nested", "employeeID", "E2");
        ConnectorObject team = World.group(w.ad, "Team", List.of(nested));
        World.group(w.ad, "Pilot", List.of(direct, team));

        importAndSync(w);

        assertThat(w.mvOf(AD, direct.dn())).isPresent();
        assertThat(w.mvOf(AD, nested.dn())).isEmpty();
    }

    /**
     * Membership is the group's attribute, not the member's: a user added to or removed from the pilot group enters or
     * leaves scope at the next delta synchronization, though the user itself did not change.
     */
    @Test
    void aMembershipChangeBringsTheMemberIntoAndOutOfScopeAtTheNextDelta() {
        World w = World.with(List.of(adProvision(
                ScopeFilter.allOf(new ScopeClause("dn", ScopeOperator.ISMEMBEROF, "CN=Pilot,OU=Groups,DC=example")))));
        ConnectorObject first = user(w.ad, "First", "employeeID", "E1");
        ConnectorObject later = user(w.ad, "Later", "employeeID", "E2");
        ConnectorObject pilot = World.group(w.ad, "Pilot", List.of(first));
        importAndSync(w);
        assertThat(w.mvOf(AD, later.dn())).isEmpty();

        w.ad.modify(
                pilot.anchor(), List.of(AttributeChange.add("member", List.of(AttributeValue.reference(later.dn())))));
        importAndSync(w);
        assertThat(w.mvOf(AD, later.dn())).as("added to the group").isPresent();

        w.ad.modify(
                pilot.anchor(),
                List.of(AttributeChange.delete("member", List.of(AttributeValue.reference(first.dn())))));
        importAndSync(w);
        assertThat(w.mvOf(AD, first.dn())).as("removed from the group").isEmpty();
    }

    /**
     * "The engine reports it for that object with the rule and attribute and goes on with the run"
     * (EvaluationException); the object stays pending and is retried.
     */
    @Test
    void aFailingExpressionIsReportedWithRuleAndAttributeWhileOtherObjectsGoOn() {
        World w = World.with(List.of(
                adProvision(ScopeFilter.ALL),
                inbound("AD titles", AD, "user", "person", 50)
                        .transformation(Transformation.expression(
                                "title", "IIF(IsPresent([title]),[title],Error(\"title is required\"))"))
                        .build()));
        ConnectorObject bad = user(w.ad, "Bad", "employeeID", "E1");
        ConnectorObject good = user(w.ad, "Good", "employeeID", "E2", "title", "Chief");

        importAndSync(w);

        List<ObjectError> errors = w.errorsOf(AD);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.EXPRESSION_ERROR);
            assertThat(e.rule()).isEqualTo("AD titles");
            assertThat(e.attribute()).isEqualTo("title");
            assertThat(e.dn()).isEqualTo(bad.dn());
            assertThat(e.message()).contains("title is required");
        });
        assertThat(World.text(w.mvOf(AD, good.dn()).orElseThrow(), "title")).isEqualTo("Chief");
        assertThat(w.pendingImports(AD)).hasSize(1);

        w.ad.modify(bad.anchor(), List.of(AttributeChange.add("title", List.of(AttributeValue.text("Fixed")))));
        importAndSync(w);
        assertThat(World.text(w.mvOf(AD, bad.dn()).orElseThrow(), "title")).isEqualTo("Fixed");
        assertThat(w.pendingImports(AD)).isEmpty();
    }

    /** "stopped-error-limit = more than 5,000 errors" — here with a limit of 2. */
    @Test
    void aRunStopsWhenItExceedsItsErrorLimit() {
        World w = World.with(
                List.of(inbound("AD errors", AD, "user", "person", 100)
                        .linkType(LinkType.PROVISION)
                        .transformation(Transformation.expression("title", "Error(\"no\")"))
                        .build()),
                b -> b.errorLimit(2).batchSize(1));
        for (int i = 0; i < 5; i++) {
            user(w.ad, "U" + i, "employeeID", "E" + i);
        }
        w.engine.fullImport(AD);

        RunRecord sync = w.engine.fullSync(AD);

        assertThat(sync.status()).isEqualTo(RunStatus.STOPPED_ERROR_LIMIT);
        assertThat(sync.counts().processed()).isEqualTo(3);
        assertThat(w.errors(sync)).extracting(ObjectError::code).endsWith(ErrorCode.ERROR_LIMIT_EXCEEDED);
    }
}
