package dev.joinery.engine.rules;

import java.util.List;

/** Rules used by several tests. */
final class SampleRules {
    private SampleRules() {}

    /** A rule that uses every feature of the model. */
    static SyncRule everyFeature() {
        return SyncRule.builder("In from AD - User Everything")
                .description("Line one: with a colon.\nLine two # not a comment\n")
                .connector("contoso.com")
                .direction(Direction.INBOUND)
                .sourceObjectType("user")
                .targetObjectType("person")
                .linkType(LinkType.STICKY_JOIN)
                .precedence(42)
                .disabled(true)
                .outOfBoxTag("Microsoft.InfromADUserJoin.003")
                .passwordSync(true)
                .id("{0b088913-b613-4d9d-9563-9988b7719ed6}")
                .aadcExtra("version", "2")
                .aadcExtra("softDeleteExpiryInterval", "01:00:00")
                .scope(new ScopeFilter(List.of(
                        List.of(
                                new ScopeClause("isCriticalSystemObject", ScopeOperator.NOTEQUAL, "TRUE"),
                                new ScopeClause("adminDescription", ScopeOperator.NOTSTARTSWITH, "User_"),
                                ScopeClause.of("mailNickname", ScopeOperator.ISNOTNULL)),
                        List.of(
                                new ScopeClause("userAccountControl", ScopeOperator.ISBITNOTSET, "2"),
                                new ScopeClause("extensionAttribute1", ScopeOperator.EQUAL, "%Connector.ID%"),
                                new ScopeClause("department", ScopeOperator.CONTAINS, "R&D, {Sales}: 'x' #1"),
                                new ScopeClause("memberCount", ScopeOperator.LESSTHAN, "50000")))))
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "objectSid")))
                .joinGroup(JoinGroup.of(
                        new JoinCondition("mail", "mail", true), JoinCondition.of("employeeID", "employeeID")))
                .transformation(Transformation.direct("cn", "cn"))
                .transformation(Transformation.constant("accountEnabled", "True"))
                .transformation(Transformation.constant("sourceObjectType", ""))
                .transformation(Transformation.expression("contributingConnectorUser", "%Connector.ID%"))
                .transformation(Transformation.expression(
                        "userPrincipalName",
                        "IIF(IsPresent([userPrincipalName]),[userPrincipalName], IIF(IsPresent([sAMAccountName]),"
                                + "([sAMAccountName]&\"@\"&%Domain.FQDN%),Error(\"AccountName is not present\")))",
                        "sAMAccountName",
                        "userPrincipalName"))
                .transformation(Transformation.expression("displayName", "[displayName] & \" (x)\"", "displayName"))
                .transformation(Transformation.expression(
                                "pwdLastSet",
                                "IIF(\n  IsPresent([pwdLastSet]),\n  CStr(FormatDateTime(DateFromNum([pwdLastSet]),"
                                        + "\"yyyyMMddHHmmss.0Z\")),\n  NULL\n)",
                                "pwdLastSet")
                        .withApplyOnce(true))
                .transformation(Transformation.direct("proxyAddresses", "proxyAddresses")
                        .withMergeType(MergeType.MERGE_CASE_INSENSITIVE))
                .transformation(
                        Transformation.direct("otherMobile", "otherMobile").withMergeType(MergeType.MERGE))
                .build();
    }

    /** A minimal enabled rule. */
    static SyncRule.Builder minimal(String name, String connector, Direction direction, String source, String target) {
        return SyncRule.builder(name)
                .connector(connector)
                .direction(direction)
                .sourceObjectType(source)
                .targetObjectType(target)
                .precedence(100);
    }
}
