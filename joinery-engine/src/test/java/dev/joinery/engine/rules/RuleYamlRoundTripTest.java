package dev.joinery.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RuleYamlRoundTripTest {

    @Test
    void ruleWithEveryFeatureReadsBackEqual() {
        SyncRule rule = SampleRules.everyFeature();

        String yaml = RuleYamlWriter.write(rule);
        RuleLoadResult back = RuleYamlReader.read(yaml, "every.yaml");

        assertThat(back.problems()).as(yaml).isEmpty();
        assertThat(back.syncRules()).as(yaml).containsExactly(rule);
    }

    @Test
    void multiLineExpressionIsWrittenAsLiteralBlock() {
        String yaml = RuleYamlWriter.write(SampleRules.everyFeature());

        assertThat(yaml).contains("    expression: |-\n      IIF(\n        IsPresent([pwdLastSet]),\n");
        assertThat(yaml).contains("description: |\n  Line one: with a colon.\n");
    }

    @Test
    void writerKeepsAStableKeyOrderAndPlainScalarsWhereSafe() {
        String yaml = RuleYamlWriter.write(SampleRules.everyFeature());

        assertThat(yaml)
                .startsWith("name: In from AD - User Everything\n")
                .contains("connector: contoso.com\ndirection: Inbound\nsourceObjectType: user\n"
                        + "targetObjectType: person\nlinkType: StickyJoin\nprecedence: 42\ndisabled: true\n")
                .contains("  - - {attribute: isCriticalSystemObject, operator: NOTEQUAL, value: 'TRUE'}\n"
                        + "    - {attribute: adminDescription, operator: NOTSTARTSWITH, value: User_}\n"
                        + "    - {attribute: mailNickname, operator: ISNOTNULL}\n")
                .contains("{attribute: userAccountControl, operator: ISBITNOTSET, value: 2}")
                .contains("  - - {source: mail, target: mail, caseSensitive: true}\n")
                .contains("  - target: accountEnabled\n    constant: 'True'\n")
                .contains("    expression: '%Connector.ID%'\n")
                .contains("    expression: IIF(IsPresent([userPrincipalName]),")
                .contains("    sources: [sAMAccountName, userPrincipalName]\n")
                .contains("    merge: MergeCaseInsensitive\n");
    }

    @Test
    void severalRulesInOneFileReadBackInOrder() {
        SyncRule a = SampleRules.minimal("A", "c", Direction.INBOUND, "user", "person")
                .build();
        SyncRule b = SampleRules.everyFeature();

        RuleLoadResult back = RuleYamlReader.read(RuleYamlWriter.writeAll(List.of(a, b)), "two.yaml");

        assertThat(back.problems()).isEmpty();
        assertThat(back.syncRules()).containsExactly(a, b);
    }

    @Test
    void fileNameIsTheRuleNameInKebabCase() {
        SyncRule rule = SampleRules.minimal("In from AD - User Join", "c", Direction.INBOUND, "user", "person")
                .build();

        assertThat(RuleYamlWriter.fileName(rule)).isEqualTo("in-from-ad-user-join.yaml");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).mapToObj(i -> 0x5EEDL * 31 + i);
    }

    /** Any text in a scope value, constant or expression position reads back as the same text. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryTextRoundTrips(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = randomText(random);
        SyncRule rule = SampleRules.minimal("R " + seed, "c", Direction.OUTBOUND, "person", "user")
                .description(randomText(random))
                .scope(ScopeFilter.allOf(new ScopeClause("a", ScopeOperator.EQUAL, text)))
                .transformation(Transformation.constant("b", randomText(random)))
                .aadcExtra("x", randomText(random))
                .build();

        String yaml = RuleYamlWriter.write(rule);
        RuleLoadResult back = RuleYamlReader.read(yaml, "random.yaml");

        assertThat(back.problems()).as("seed %d:%n%s", seed, yaml).isEmpty();
        assertThat(back.syncRules()).as("seed %d:%n%s", seed, yaml).containsExactly(rule);
    }

    private static String randomText(SplittableRandom random) {
        String alphabet = "aZ09 _-:#,'\"[]{}%&*!|>@`?\n\t\\éß~.+=<";
        String[] words = {
            "true", "True", "NULL", "~", "yes", "0x1F", "012", "1.5", "- ", "...", "---", " ", ": ", "\n\n"
        };
        StringBuilder b = new StringBuilder();
        int parts = random.nextInt(1, 6);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(4) == 0) {
                b.append(words[random.nextInt(words.length)]);
            } else {
                for (int j = random.nextInt(1, 6); j > 0; j--) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
        }
        return b.toString();
    }
}
