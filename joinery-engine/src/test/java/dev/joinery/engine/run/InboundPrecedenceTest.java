package dev.joinery.engine.run;

import static dev.joinery.engine.run.Rules.inbound;
import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.RES;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.MergeType;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attribute precedence and the flow markers, with a person from AD joined by one from RES. */
class InboundPrecedenceTest {
    private ConnectorObject adUser;
    private ConnectorObject resUser;

    /** AD projects on employeeID, RES joins on it; {@code flows} are added as AD rule 50 and RES rule 60. */
    private World world(List<Transformation> adFlows, List<Transformation> resFlows) {
        List<SyncRule> rules = new ArrayList<>();
        SyncRule.Builder adJoin = inbound("AD join", AD, "user", "person", 100)
                .linkType(LinkType.PROVISION)
                .joinGroup(JoinGroup.of(JoinCondition.of("employeeID", "employeeID")))
                .transformation(Transformation.direct("employeeID", "employeeID"))
                .transformation(Transformation.direct("department", "department"));
        SyncRule.Builder resJoin = inbound("RES join", RES, "user", "person", 101)
                .linkType(LinkType.JOIN)
                .joinGroup(JoinGroup.of(JoinCondition.of("employeeID", "employeeID")))
                .transformation(Transformation.direct("department", "department"));
        rules.add(adJoin.build());
        rules.add(resJoin.build());
        SyncRule.Builder ad = inbound("AD flows", AD, "user", "person", 50);
        adFlows.forEach(ad::transformation);
        SyncRule.Builder res = inbound("RES flows", RES, "user", "person", 60);
        resFlows.forEach(res::transformation);
        rules.add(ad.build());
        rules.add(res.build());
        World w = World.with(rules);
        adUser = user(
                w.ad,
                "Dana",
                "employeeID",
                "E5",
                "department",
                "AD-Dept",
                "title",
                "AD-Title",
                "proxyAddresses",
                List.of("SMTP:dana@contoso.com", "smtp:d@contoso.com"));
        resUser = user(
                w.res,
                "Dana",
                "employeeID",
                "E5",
                "department",
                "RES-Dept",
                "title",
                "RES-Title",
                "proxyAddresses",
                List.of("smtp:DANA@contoso.com", "smtp:dana@res.contoso.com"));
        return w;
    }

    private MvObject sync(World w) {
        w.engine.fullImport(AD);
        w.engine.fullImport(RES);
        w.engine.fullSync(AD);
        w.engine.fullSync(RES);
        return w.mvOf(AD, adUser.dn()).orElseThrow();
    }

    private static Transformation expr(String target, String expression) {
        return Transformation.expression(target, expression);
    }

    /** "Ties resolved by connector creation order": AD's join rule (100) beats RES's (101) for department. */
    @Test
    void theLowestPrecedenceNumberWins() {
        MvObject mv = sync(world(List.of(), List.of()));
        assertThat(World.text(mv, "department")).isEqualTo("AD-Dept");
        assertThat(mv.attributes().get("department").contributor().rule()).isEqualTo("AD join");
    }

    /** "the literal NULL can be used to indicate that the flow has no value to contribute. Another rule with lower precedence can contribute a value." */
    @Test
    void nullLetsALowerPrecedenceRuleContribute() {
        MvObject mv = sync(world(List.of(expr("title", "NULL")), List.of(Transformation.direct("title", "title"))));
        assertThat(World.text(mv, "title")).isEqualTo("RES-Title");
    }

    /** "The literal AuthoritativeNull is similar to NULL but with the difference that no lower precedence rules can contribute a value." */
    @Test
    void authoritativeNullWinsWithNoValue() {
        MvObject mv = sync(
                world(List.of(expr("title", "AuthoritativeNull")), List.of(Transformation.direct("title", "title"))));
        assertThat(mv.values("title")).isEmpty();
    }

    /** "It's like the attribute flow has never been there." */
    @Test
    void ignoreThisFlowIsAsIfTheFlowWereNotThere() {
        MvObject mv =
                sync(world(List.of(expr("department", "IgnoreThisFlow"), expr("title", "IgnoreThisFlow")), List.of()));
        assertThat(World.text(mv, "department")).isEqualTo("AD-Dept");
        assertThat(mv.values("title")).isEmpty();
    }

    /** "it does not remove an already existing value in the target". */
    @Test
    void ignoreThisFlowKeepsTheExistingValue() {
        World w = world(List.of(expr("title", "IIF([department]=\"Keep\",IgnoreThisFlow,[title])")), List.of());
        sync(w);
        w.ad.modify(
                adUser.anchor(),
                List.of(
                        AttributeChange.replace("department", List.of(AttributeValue.text("Keep"))),
                        AttributeChange.replace("title", List.of(AttributeValue.text("New")))));
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);
        assertThat(World.text(w.mvOf(AD, adUser.dn()).orElseThrow(), "title")).isEqualTo("AD-Title");
    }

    /** "Merge is only looking at the exact values and multiple values where there only is a difference in case might be present." */
    @Test
    void mergeUnionsTheValuesOfEveryContributor() {
        MvObject mv = sync(world(
                List.of(Transformation.direct("proxyAddresses", "proxyAddresses")
                        .withMergeType(MergeType.MERGE)),
                List.of(Transformation.direct("proxyAddresses", "proxyAddresses")
                        .withMergeType(MergeType.MERGE))));
        assertThat(mv.values("proxyAddresses")).hasSize(4);
    }

    /** "you shouldn't see both "SMTP:bob@contoso.com" and "smtp:bob@contoso.com" in the target attribute." */
    @Test
    void mergeCaseInsensitiveDropsValuesDifferingOnlyByCase() {
        MergeType ci = MergeType.MERGE_CASE_INSENSITIVE;
        MvObject mv = sync(world(
                List.of(Transformation.direct("proxyAddresses", "proxyAddresses")
                        .withMergeType(ci)),
                List.of(Transformation.direct("proxyAddresses", "proxyAddresses")
                        .withMergeType(ci))));
        assertThat(mv.values("proxyAddresses"))
                .extracting(AttributeValue::toString)
                .containsExactly("SMTP:dana@contoso.com", "smtp:d@contoso.com", "smtp:dana@res.contoso.com");
    }

    /** "the attribute should only be set when the object is initially created". */
    @Test
    void anApplyOnceFlowOnlyFlowsWhenTheObjectIsCreated() {
        World w = world(List.of(Transformation.direct("givenName", "title").withApplyOnce(true)), List.of());
        assertThat(World.text(sync(w), "givenName")).isEqualTo("AD-Title");
        w.ad.modify(adUser.anchor(), List.of(AttributeChange.replace("title", List.of(AttributeValue.text("New")))));
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);
        assertThat(World.text(w.mvOf(AD, adUser.dn()).orElseThrow(), "givenName"))
                .isEqualTo("AD-Title");
    }

    /** "If no rule contributed a value, then the metaverse attribute is removed." */
    @Test
    void aValueRemovedAtTheSourceIsRemovedFromTheMetaverseWhenNoOtherRuleContributes() {
        World w = world(List.of(Transformation.direct("title", "title")), List.of());
        sync(w);
        w.ad.modify(adUser.anchor(), List.of(AttributeChange.clear("title")));
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);
        assertThat(w.mvOf(AD, adUser.dn()).orElseThrow().values("title")).isEmpty();
    }

    @Test
    void whenTheWinnerDisconnectsTheNextContributorTakesOver() {
        World w = world(List.of(), List.of());
        sync(w);
        w.ad.delete(adUser.anchor());
        w.engine.deltaImport(AD);
        w.engine.deltaSync(AD);
        // RES's join rule has link type Join, so nothing keeps the person: it is deleted
        assertThat(w.mvCount()).isZero();
        assertThat(w.cs(RES, resUser.dn()).orElseThrow().isLinked()).isFalse();
    }
}
