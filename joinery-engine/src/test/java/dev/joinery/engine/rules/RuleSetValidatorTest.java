package dev.joinery.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetValidatorTest {
    private static final DirectorySchema MV = schema(Map.of(
            "person", List.of("objectSid", "cloudFiltered", "displayName", "proxyAddresses", "sourceAnchor", "mail"),
            "group", List.of("member", "displayName")));
    private static final DirectorySchema AD = schema(Map.of(
            "user",
                    List.of(
                            "objectSid",
                            "sAMAccountName",
                            "displayName",
                            "proxyAddresses",
                            "mail",
                            "department",
                            "isCriticalSystemObject"),
            "contact", List.of("mail", "displayName")));
    private static final RuleSchemas SCHEMAS = new RuleSchemas(MV, Map.of("contoso.com", AD, "fabrikam.com", AD));

    static DirectorySchema schema(Map<String, List<String>> types) {
        Map<String, Map<String, AttributeSchema>> out = new LinkedHashMap<>();
        types.forEach((type, names) -> {
            Map<String, AttributeSchema> attributes = new LinkedHashMap<>();
            names.forEach(n -> attributes.put(n, new AttributeSchema(n, AttributeType.STRING, false)));
            out.put(type, attributes);
        });
        return new DirectorySchema(out);
    }

    private static SyncRule.Builder inbound(String name, int precedence) {
        return SampleRules.minimal(name, "contoso.com", Direction.INBOUND, "user", "person")
                .precedence(precedence);
    }

    private static List<Problem> validate(SyncRule... rules) {
        return RuleSetValidator.validateRules(List.of(rules), SCHEMAS);
    }

    @Test
    void cleanRuleSetHasNoProblem() {
        SyncRule join = inbound("Join", 100)
                .linkType(LinkType.PROVISION)
                .scope(ScopeFilter.allOf(new ScopeClause("isCriticalSystemObject", ScopeOperator.NOTEQUAL, "True")))
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "objectSid")))
                .transformation(Transformation.expression(
                        "cloudFiltered",
                        "IIF(CBool(InStr(DNComponent(CRef([dn]),1)," + "\"\\\\0ACNF:\")>0),True,NULL)"))
                .transformation(Transformation.expression(
                        "proxyAddresses", "RemoveDuplicates(Trim(ImportedValue(\"proxyAddresses\")))"))
                .build();
        SyncRule common = inbound("Common", 101)
                .transformation(Transformation.direct("displayName", "displayName"))
                .build();

        assertThat(validate(join, common)).isEmpty();
    }

    /** "Attribute names and function names are case-sensitive." */
    @Test
    void unknownAttributesAreReportedWhereverTheyAppearWithASuggestion() {
        SyncRule rule = inbound("Typos", 100)
                .scope(ScopeFilter.allOf(new ScopeClause("departmnt", ScopeOperator.EQUAL, "IT")))
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSID", "objectSid"), JoinCondition.of("mail", "mial")))
                .transformation(Transformation.direct("displayname", "displayName"))
                .transformation(
                        Transformation.expression("mail", "Trim([mial]) & ImportedValue(\"proxyAdresses\")", "mial"))
                .build();

        assertThat(validate(rule))
                .allSatisfy(p -> assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_ATTRIBUTE))
                .extracting(Problem::message)
                .containsExactly(
                        "unknown attribute 'departmnt' in scope: not an attribute of connector 'contoso.com' object"
                                + " type 'user'; did you mean 'department'?",
                        "unknown attribute 'objectSID' in join source: not an attribute of connector 'contoso.com'"
                                + " object type 'user'; did you mean 'objectSid'? (attribute names are case-sensitive)",
                        "unknown attribute 'mial' in join target: not an attribute of metaverse object type 'person';"
                                + " did you mean 'mail'?",
                        "unknown attribute 'displayname' in flow target: not an attribute of metaverse object type"
                                + " 'person'; did you mean 'displayName'? (attribute names are case-sensitive)",
                        "unknown attribute 'mial' in flow source: not an attribute of connector 'contoso.com' object"
                                + " type 'user'; did you mean 'mail'?",
                        "unknown attribute 'mial' in expression of the flow to 'mail': not an attribute of connector"
                                + " 'contoso.com' object type 'user'; did you mean 'mail'?",
                        "unknown attribute 'proxyAdresses' in expression of the flow to 'mail': not an attribute of"
                                + " connector 'contoso.com' object type 'user'; did you mean 'proxyAddresses'?");
    }

    @Test
    void outboundRulesReadTheMetaverseAndWriteTheConnector() {
        SyncRule out = SampleRules.minimal("Out", "contoso.com", Direction.OUTBOUND, "person", "user")
                .joinGroup(JoinGroup.of(JoinCondition.of("sourceAnchor", "objectSid")))
                .transformation(Transformation.expression("dn", "\"CN=\" & [sourceAnchor]"))
                .transformation(Transformation.direct("sAMAccountName", "sourceAnchor"))
                .build();

        assertThat(validate(out)).isEmpty();
    }

    @Test
    void unknownConnectorAndObjectTypesAreReported() {
        SyncRule rule = SampleRules.minimal("Where", "contoso.org", Direction.INBOUND, "user", "persn")
                .build();
        SyncRule other = SampleRules.minimal("What", "contoso.com", Direction.INBOUND, "usr", "person")
                .precedence(101)
                .build();

        assertThat(validate(rule, other))
                .extracting(Problem::ruleName, Problem::code, Problem::message)
                .containsExactly(
                        tuple(
                                "Where",
                                ProblemCode.UNKNOWN_CONNECTOR,
                                "unknown connector 'contoso.org'; did you mean 'contoso.com'?"),
                        tuple(
                                "Where",
                                ProblemCode.UNKNOWN_OBJECT_TYPE,
                                "unknown object type 'persn' in the metaverse; did you mean 'person'?"),
                        tuple(
                                "What",
                                ProblemCode.UNKNOWN_OBJECT_TYPE,
                                "unknown object type 'usr' in the connector 'contoso.com'; did you mean 'user'?"));
    }

    @Test
    void withoutSchemasOnlyCrossRuleChecksRun() {
        SyncRule rule = inbound("Anything", 100)
                .transformation(Transformation.direct("x", "y"))
                .build();

        assertThat(RuleSetValidator.validateRules(List.of(rule), RuleSchemas.NONE))
                .isEmpty();
    }

    /**
     * "An object should only have one single sync rule with join rules in scope. If there are multiple sync rules
     * where join is defined, an error occurs. Precedence isn't used to resolve join conflicts."
     */
    @Test
    void twoJoinRulesThatCanBothBeInScopeAreReported() {
        SyncRule a = inbound("Join A", 100)
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "objectSid")))
                .build();
        SyncRule b = inbound("Join B", 101)
                .scope(ScopeFilter.allOf(new ScopeClause("department", ScopeOperator.EQUAL, "IT")))
                .joinGroup(JoinGroup.of(JoinCondition.of("mail", "mail")))
                .build();

        assertThat(validate(a, b)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.MULTIPLE_JOIN_RULES);
            assertThat(p.ruleName()).isEqualTo("Join B");
            assertThat(p.message()).contains("rule 'Join A'");
        });
    }

    @Test
    void joinRulesWithProvablyDisjointScopesAreNotReported() {
        SyncRule a = inbound("Join IT", 100)
                .scope(ScopeFilter.allOf(new ScopeClause("department", ScopeOperator.EQUAL, "IT")))
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "objectSid")))
                .build();
        SyncRule b = inbound("Join Sales", 101)
                .scope(ScopeFilter.allOf(new ScopeClause("department", ScopeOperator.EQUAL, "Sales")))
                .joinGroup(JoinGroup.of(JoinCondition.of("mail", "mail")))
                .build();
        SyncRule c = inbound("Join not IT", 102)
                .scope(ScopeFilter.allOf(new ScopeClause("department", ScopeOperator.NOTEQUAL, "IT")))
                .disabled(true)
                .joinGroup(JoinGroup.of(JoinCondition.of("mail", "mail")))
                .build();

        assertThat(validate(a, b, c)).isEmpty();
    }

    @Test
    void joinRulesOfOtherConnectorsOrObjectTypesOrWithTheSameJoinGroupsAreNotReported() {
        JoinGroup bySid = JoinGroup.of(JoinCondition.of("objectSid", "objectSid"));
        SyncRule a = inbound("Join", 100).joinGroup(bySid).build();
        SyncRule sameJoin = inbound("Join again", 101).joinGroup(bySid).build();
        SyncRule otherForest = SampleRules.minimal("Fabrikam", "fabrikam.com", Direction.INBOUND, "user", "person")
                .precedence(102)
                .joinGroup(JoinGroup.of(JoinCondition.of("mail", "mail")))
                .build();
        SyncRule contacts = SampleRules.minimal("Contacts", "contoso.com", Direction.INBOUND, "contact", "person")
                .precedence(103)
                .joinGroup(JoinGroup.of(JoinCondition.of("mail", "mail")))
                .build();

        assertThat(validate(a, sameJoin, otherForest, contacts)).isEmpty();
    }

    @Test
    void outboundJoinRulesCompeteOnlyForOneTargetObjectType() {
        SyncRule users = SampleRules.minimal("Out users", "contoso.com", Direction.OUTBOUND, "person", "user")
                .joinGroup(JoinGroup.of(JoinCondition.of("objectSid", "objectSid")))
                .build();
        SyncRule contacts = SampleRules.minimal("Out contacts", "contoso.com", Direction.OUTBOUND, "person", "contact")
                .precedence(101)
                .joinGroup(JoinGroup.of(JoinCondition.of("mail", "mail")))
                .build();
        SyncRule usersByMail = SampleRules.minimal(
                        "Out users by mail", "contoso.com", Direction.OUTBOUND, "person", "user")
                .precedence(102)
                .joinGroup(JoinGroup.of(JoinCondition.of("mail", "mail")))
                .build();

        assertThat(validate(users, contacts, usersByMail))
                .singleElement()
                .extracting(Problem::ruleName, Problem::code)
                .containsExactly("Out users by mail", ProblemCode.MULTIPLE_JOIN_RULES);
    }

    @Test
    void twoRulesOfOneDirectionWithOnePrecedenceAreReported() {
        SyncRule a = inbound("A", 100).build();
        SyncRule b = SampleRules.minimal("B", "fabrikam.com", Direction.INBOUND, "user", "person")
                .precedence(100)
                .build();

        assertThat(validate(a, b))
                .singleElement()
                .extracting(Problem::ruleName, Problem::code)
                .containsExactly("B", ProblemCode.DUPLICATE_PRECEDENCE);
    }

    @Test
    void equalPrecedenceAcrossDirectionsOrWithADisabledRuleIsFine() {
        SyncRule a = inbound("A", 100).build();
        SyncRule out = SampleRules.minimal("Out", "contoso.com", Direction.OUTBOUND, "person", "user")
                .build();
        SyncRule disabled = inbound("Disabled", 100).disabled(true).build();

        assertThat(validate(a, out, disabled)).isEmpty();
    }

    /**
     * "When you use this option, all sync rules in scope for an object must use the same merge type. You can't
     * define Update from one Connector and Merge from another."
     */
    @Test
    void differentMergeTypesForOneTargetAttributeAreReported() {
        SyncRule a = inbound("Contoso", 100)
                .transformation(Transformation.direct("proxyAddresses", "proxyAddresses")
                        .withMergeType(MergeType.MERGE_CASE_INSENSITIVE))
                .build();
        SyncRule b = SampleRules.minimal("Fabrikam", "fabrikam.com", Direction.INBOUND, "user", "person")
                .precedence(101)
                .transformation(Transformation.direct("proxyAddresses", "proxyAddresses"))
                .build();

        assertThat(validate(a, b)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.MERGE_TYPE_MISMATCH);
            assertThat(p.message())
                    .contains("merge type Update, but rule 'Contoso'")
                    .contains("MergeCaseInsensitive");
        });
    }

    @Test
    void sameMergeTypeReplaceAsUpdateOrDisjointScopesAreFine() {
        SyncRule a = inbound("Merge IT", 100)
                .scope(ScopeFilter.allOf(new ScopeClause("department", ScopeOperator.EQUAL, "IT")))
                .transformation(Transformation.direct("proxyAddresses", "proxyAddresses")
                        .withMergeType(MergeType.MERGE))
                .transformation(
                        Transformation.direct("displayName", "displayName").withMergeType(MergeType.REPLACE))
                .build();
        SyncRule b = inbound("Update not IT", 101)
                .scope(ScopeFilter.allOf(new ScopeClause("department", ScopeOperator.NOTEQUAL, "IT")))
                .transformation(Transformation.direct("proxyAddresses", "proxyAddresses"))
                .transformation(Transformation.direct("displayName", "displayName"))
                .build();
        SyncRule c = SampleRules.minimal("Fabrikam", "fabrikam.com", Direction.INBOUND, "user", "person")
                .precedence(102)
                .transformation(Transformation.direct("displayName", "displayName"))
                .build();

        assertThat(validate(a, b, c)).isEmpty();
    }

    @Test
    void duplicateRuleNamesAndFlowTargetsAreReported() {
        SyncRule a = inbound("Same", 100)
                .transformation(Transformation.direct("mail", "mail"))
                .transformation(Transformation.constant("mail", "x"))
                .build();
        SyncRule b = inbound("Same", 101).build();

        assertThat(validate(a, b))
                .extracting(Problem::code)
                .containsExactlyInAnyOrder(ProblemCode.DUPLICATE_FLOW_TARGET, ProblemCode.DUPLICATE_RULE_NAME);
    }

    @Test
    void problemsOfRulesReadFromYamlPointAtTheirLine() {
        String yaml = String.join(
                "\n",
                "name: Positions",
                "connector: contoso.com",
                "direction: Inbound",
                "sourceObjectType: user",
                "targetObjectType: person",
                "precedence: 100",
                "flows:",
                "  - target: mail",
                "    expression: |",
                "      IIF(IsPresent([mail]),",
                "          [mial], NULL)",
                "  - target: displayNam",
                "    direct: displayName",
                "");
        RuleLoadResult loaded = RuleYamlReader.read(yaml, "positions.yaml");

        List<Problem> problems = RuleSetValidator.validate(loaded.rules(), SCHEMAS);

        assertThat(problems)
                .extracting(Problem::file, Problem::line, Problem::column, Problem::code)
                .containsExactly(
                        tuple("positions.yaml", 11, 11, ProblemCode.UNKNOWN_ATTRIBUTE),
                        tuple("positions.yaml", 12, 13, ProblemCode.UNKNOWN_ATTRIBUTE));
    }
}
