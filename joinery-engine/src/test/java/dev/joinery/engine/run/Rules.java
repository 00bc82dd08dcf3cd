package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.CLOUD;
import static dev.joinery.engine.run.World.RES;

import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.util.List;

/** Hand-written rules shaped like the out-of-box ones, for end-to-end tests. */
final class Rules {
    private Rules() {}

    static SyncRule.Builder inbound(String name, String connector, String from, String to, int precedence) {
        return SyncRule.builder(name)
                .connector(connector)
                .direction(Direction.INBOUND)
                .sourceObjectType(from)
                .targetObjectType(to)
                .precedence(precedence);
    }

    static SyncRule.Builder outbound(String name, String from, String to, int precedence) {
        return SyncRule.builder(name)
                .connector(CLOUD)
                .direction(Direction.OUTBOUND)
                .sourceObjectType(from)
                .targetObjectType(to)
                .precedence(precedence);
    }

    /** In from AD - User Join: joins on SIDs across forests, projects when nothing matches. */
    static SyncRule userJoin(String connector, int precedence) {
        return inbound("In from " + connector + " - User Join", connector, "user", "person", precedence)
                .linkType(LinkType.PROVISION)
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "objectSid")))
                .joinGroup(JoinGroup.of(JoinCondition.of("msExchMasterAccountSid", "objectSid")))
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "msExchMasterAccountSid")))
                .transformation(Transformation.direct("objectSid", "objectSid"))
                .transformation(Transformation.direct("msExchMasterAccountSid", "msExchMasterAccountSid"))
                .transformation(Transformation.constant("sourceObjectType", "User"))
                .build();
    }

    /** In from AD - User AccountEnabled: sign-in attributes from the forest with the enabled account. */
    static SyncRule accountEnabled(String connector, int precedence) {
        return inbound("In from " + connector + " - User AccountEnabled", connector, "user", "person", precedence)
                .scope(ScopeFilter.allOf(new ScopeClause("userAccountControl", ScopeOperator.ISBITNOTSET, "2")))
                .transformation(Transformation.direct("sourceAnchor", "employeeID"))
                .transformation(Transformation.expression(
                        "userPrincipalName",
                        "IIF(IsPresent([userPrincipalName]),[userPrincipalName],"
                                + "[sAMAccountName]&\"@\"&%Domain.FQDN%)"))
                .transformation(Transformation.constant("accountEnabled", "True"))
                .build();
    }

    /** In from AD - User Common from Exchange: GAL attributes from the forest with the mailbox. */
    static SyncRule commonFromExchange(String connector, int precedence) {
        return inbound("In from " + connector + " - User Common from Exchange", connector, "user", "person", precedence)
                .scope(ScopeFilter.allOf(ScopeClause.of("mailNickname", ScopeOperator.ISNOTNULL)))
                .transformation(Transformation.direct("displayName", "displayName"))
                .transformation(Transformation.direct("mail", "mail"))
                .transformation(Transformation.direct("proxyAddresses", "proxyAddresses"))
                .transformation(Transformation.direct("department", "department"))
                .build();
    }

    /** In from AD - User Common: every joined object contributes what nobody better did. */
    static SyncRule common(String connector, int precedence) {
        return inbound("In from " + connector + " - User Common", connector, "user", "person", precedence)
                .transformation(Transformation.direct("cn", "cn"))
                .transformation(Transformation.direct("displayName", "displayName"))
                .transformation(Transformation.direct("givenName", "givenName"))
                .transformation(Transformation.direct("sn", "sn"))
                .transformation(Transformation.direct("department", "department"))
                .transformation(Transformation.direct("title", "title"))
                .transformation(Transformation.direct("mail", "mail"))
                .transformation(Transformation.direct("proxyAddresses", "proxyAddresses"))
                .transformation(Transformation.direct("manager", "manager"))
                .transformation(Transformation.direct("sourceAnchor", "employeeID"))
                .build();
    }

    static SyncRule groupJoin(String connector, int precedence) {
        return inbound("In from " + connector + " - Group Join", connector, "group", "group", precedence)
                .linkType(LinkType.PROVISION)
                .transformation(Transformation.direct("displayName", "displayName"))
                .transformation(Transformation.direct("member", "member"))
                .transformation(Transformation.direct("cn", "cn"))
                .transformation(Transformation.expression("sourceAnchor", "\"g-\" & [cn]"))
                .transformation(Transformation.constant("sourceObjectType", "Group"))
                .build();
    }

    /** Out to AAD - User Join: provisions users with a sourceAnchor that are not cloud-filtered. */
    static SyncRule outUser(int precedence) {
        SyncRule.Builder b = outbound("Out to AAD - User Join", "person", "user", precedence)
                .linkType(LinkType.PROVISION)
                .scope(ScopeFilter.allOf(
                        new ScopeClause("sourceObjectType", ScopeOperator.EQUAL, "User"),
                        new ScopeClause("cloudFiltered", ScopeOperator.NOTEQUAL, "True"),
                        ScopeClause.of("sourceAnchor", ScopeOperator.ISNOTNULL)))
                .joinGroup(JoinGroup.of(new JoinCondition("sourceAnchor", "sourceAnchor", true)))
                .transformation(Transformation.expression("dn", "\"CN=\" & [cn] & \",OU=Users,DC=cloud\""));
        for (String a : List.of(
                "sourceAnchor",
                "userPrincipalName",
                "displayName",
                "givenName",
                "sn",
                "mail",
                "proxyAddresses",
                "department",
                "title",
                "manager",
                "accountEnabled")) {
            b.transformation(Transformation.direct(a, a));
        }
        return b.build();
    }

    static SyncRule outGroup(int precedence) {
        return outbound("Out to AAD - Group Join", "group", "group", precedence)
                .linkType(LinkType.PROVISION)
                .scope(ScopeFilter.allOf(ScopeClause.of("sourceAnchor", ScopeOperator.ISNOTNULL)))
                .joinGroup(JoinGroup.of(new JoinCondition("sourceAnchor", "sourceAnchor", true)))
                .transformation(Transformation.expression("dn", "\"CN=\" & [cn] & \",OU=Groups,DC=cloud\""))
                .transformation(Transformation.direct("displayName", "displayName"))
                .transformation(Transformation.direct("member", "member"))
                .transformation(Transformation.direct("sourceAnchor", "sourceAnchor"))
                .build();
    }

    /** One forest to the cloud. */
    static List<SyncRule> singleForest() {
        return List.of(
                userJoin(AD, 100),
                accountEnabled(AD, 102),
                common(AD, 106),
                groupJoin(AD, 110),
                outUser(100),
                outGroup(101));
    }

    /** An account forest and a resource forest with linked mailboxes, to the cloud. */
    static List<SyncRule> twoForests() {
        return List.of(
                userJoin(AD, 100),
                userJoin(RES, 101),
                accountEnabled(AD, 102),
                accountEnabled(RES, 103),
                commonFromExchange(AD, 104),
                commonFromExchange(RES, 105),
                common(AD, 106),
                common(RES, 107),
                groupJoin(AD, 110),
                outUser(100),
                outGroup(101));
    }
}
