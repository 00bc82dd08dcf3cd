package dev.joinery.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class RuleYamlReaderProblemsTest {

    private static final String BAD = String.join(
            "\n",
            "name: In from AD - Broken", // 1
            "connector: contoso.com", // 2
            "direction: Inbund", // 3
            "sourceObjectType: user", // 4
            "targetObjectType: person", // 5
            "precedance: 100", // 6
            "disabled: maybe", // 7
            "scope:", // 8
            "  - - {attribute: isCriticalSystemObject, operator: NOTEQUALS, value: 'TRUE'}", // 9
            "    - {attribute: adminDescription, operator: EQUAL}", // 10
            "  - {attribute: x, operator: ISNULL}", // 11
            "join:", // 12
            "  - - {source: objectSid}", // 13
            "flows:", // 14
            "  - target: cn", // 15
            "    direct: cn", // 16
            "    constant: x", // 17
            "  - target: pwdLastSet", // 18
            "    expression: |", // 19
            "      IIF(IsPresent([pwdLastSet]),", // 20
            "          CStr([pwdLastSet]) &,", // 21
            "          NULL)", // 22
            "  - target: upn", // 23
            "    expresion: '[userPrincipalName]'", // 24
            "    merge: Append", // 25
            "");

    /** A file with many mistakes: every one is reported, in order, with its line and column. */
    @Test
    void everyProblemInAFileIsReportedWithItsPosition() {
        RuleLoadResult result = RuleYamlReader.read(BAD, "rules/broken.yaml");

        assertThat(result.rules()).isEmpty();
        assertThat(result.problems())
                .extracting(Problem::line, Problem::column, Problem::code)
                .containsExactly(
                        tuple(1, 1, ProblemCode.MISSING_KEY),
                        tuple(3, 12, ProblemCode.INVALID_VALUE),
                        tuple(6, 1, ProblemCode.UNKNOWN_KEY),
                        tuple(7, 11, ProblemCode.WRONG_TYPE),
                        tuple(9, 53, ProblemCode.INVALID_VALUE),
                        tuple(10, 7, ProblemCode.MISSING_KEY),
                        tuple(11, 5, ProblemCode.WRONG_TYPE),
                        tuple(13, 7, ProblemCode.MISSING_KEY),
                        tuple(17, 15, ProblemCode.INVALID_VALUE),
                        tuple(21, 31, ProblemCode.EXPRESSION_ERROR),
                        tuple(23, 5, ProblemCode.MISSING_KEY),
                        tuple(24, 5, ProblemCode.UNKNOWN_KEY),
                        tuple(25, 12, ProblemCode.INVALID_VALUE));
        assertThat(result.problems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/broken.yaml");
            assertThat(p.ruleName()).isEqualTo("In from AD - Broken");
        });
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        RuleLoadResult result = RuleYamlReader.read(BAD, "broken.yaml");

        assertThat(result.problems())
                .filteredOn(p -> p.code() == ProblemCode.UNKNOWN_KEY)
                .extracting(Problem::message)
                .containsExactly(
                        "unknown key 'precedance' in rule; did you mean 'precedence'? (known keys: name, description,"
                                + " connector, direction, sourceObjectType, targetObjectType, linkType, precedence,"
                                + " disabled, outOfBoxTag, passwordSync, id, aadc, scope, join, flows)",
                        "unknown key 'expresion' in flow; did you mean 'expression'? (known keys: target, direct,"
                                + " constant, expression, sources, merge, applyOnce)");
    }

    @Test
    void wrongValuesNameWhatWasExpected() {
        RuleLoadResult result = RuleYamlReader.read(BAD, "broken.yaml");

        assertThat(result.problems())
                .extracting(Problem::message)
                .contains(
                        "'direction' is 'Inbund'; did you mean 'Inbound'? (expected one of Inbound, Outbound)",
                        "missing required key 'precedence' (a whole number; lower wins)",
                        "'disabled' must be true or false, found 'maybe'",
                        "missing required key 'value' (the value EQUAL compares with)",
                        "missing required key 'target' (the target object's attribute)");
    }

    @Test
    void expressionErrorNamesFlowAndPointsIntoTheBlock() {
        RuleLoadResult result = RuleYamlReader.read(BAD, "broken.yaml");

        assertThat(result.problems())
                .filteredOn(p -> p.code() == ProblemCode.EXPRESSION_ERROR)
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("flow to 'pwdLastSet': ")
                        .contains("line 2, column 25"));
    }

    @Test
    void goodRulesInAFileAreKeptWhenAnotherRuleHasProblems() {
        String yaml = "- name: Good\n  connector: c\n  direction: Inbound\n  sourceObjectType: user\n"
                + "  targetObjectType: person\n  precedence: 1\n"
                + "- name: Bad\n  connector: c\n  direction: Inbound\n  sourceObjectType: user\n"
                + "  targetObjectType: person\n";

        RuleLoadResult result = RuleYamlReader.read(yaml, "two.yaml");

        assertThat(result.syncRules()).extracting(SyncRule::name).containsExactly("Good");
        assertThat(result.problems())
                .singleElement()
                .extracting(Problem::ruleName, Problem::line, Problem::code)
                .containsExactly("Bad", 7, ProblemCode.MISSING_KEY);
    }

    @Test
    void malformedYamlIsOneSyntaxProblemWithItsLine() {
        RuleLoadResult result = RuleYamlReader.read("name: x\nscope: [[{attribute: a\nflows: []\n", "bad.yaml");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.SYNTAX_ERROR);
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void repeatedKeyIsReported() {
        RuleLoadResult result = RuleYamlReader.read(
                "name: x\nname: y\nconnector: c\ndirection: Inbound\nsourceObjectType: u\n"
                        + "targetObjectType: p\nprecedence: 1\n",
                "dup.yaml");

        assertThat(result.problems())
                .extracting(Problem::line, Problem::code)
                .containsExactly(tuple(2, ProblemCode.DUPLICATE_KEY));
    }

    @Test
    void documentedBitTestSpellingIsReadAsTheObservedOne() {
        RuleLoadResult result = RuleYamlReader.read(
                "name: x\nconnector: c\ndirection: inbound\nsourceObjectType: u\ntargetObjectType: p\n"
                        + "precedence: 1\nlinkType: sticky_join\n"
                        + "scope: [[{attribute: userAccountControl, operator: ISNOTBITSET, value: 2}]]\n",
                "bits.yaml");

        assertThat(result.problems()).isEmpty();
        SyncRule rule = result.syncRules().get(0);
        assertThat(rule.scope().groups().get(0).get(0).operator()).isEqualTo(ScopeOperator.ISBITNOTSET);
        assertThat(rule.linkType()).isEqualTo(LinkType.STICKY_JOIN);
        assertThat(RuleYamlWriter.write(rule)).contains("operator: ISBITNOTSET");
    }
}
