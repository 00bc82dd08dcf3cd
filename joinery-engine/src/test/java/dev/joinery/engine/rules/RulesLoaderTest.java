package dev.joinery.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesLoaderTest {
    @TempDir
    Path dir;

    private static String rule(String name, int precedence) {
        return "name: " + name + "\nconnector: contoso.com\ndirection: Inbound\nsourceObjectType: user\n"
                + "targetObjectType: person\nprecedence: " + precedence + "\n";
    }

    @Test
    void everyYamlFileIsReadAndEveryProblemCollected() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.yaml"), rule("A", 1));
        Files.writeString(
                rules.resolve("b.yml"),
                "- " + rule("B", 2).replace("\n", "\n  ") + "\n- "
                        + rule("C", 3).replace("\n", "\n  "));
        Files.writeString(
                rules.resolve("c.yaml"), rule("Bad", 4).replace("precedence: 4", "precedence: four") + "colour: red\n");
        Files.writeString(rules.resolve("d.yaml"), "name: [unclosed\n");
        Files.writeString(rules.resolve("readme.txt"), "not a rule");

        RuleLoadResult result = RulesLoader.loadDirectory(rules);

        assertThat(result.syncRules()).extracting(SyncRule::name).containsExactly("A", "B", "C");
        assertThat(result.problems())
                .extracting(p -> Path.of(p.file()).getFileName().toString(), Problem::line, Problem::code)
                .containsExactly(
                        tuple("c.yaml", 6, ProblemCode.WRONG_TYPE),
                        tuple("c.yaml", 7, ProblemCode.UNKNOWN_KEY),
                        tuple("d.yaml", 1, ProblemCode.SYNTAX_ERROR));
        assertThat(result.isClean()).isFalse();
    }

    @Test
    void missingFolderIsAnIoProblem() {
        RuleLoadResult result = RulesLoader.loadDirectory(dir.resolve("nowhere"));

        assertThat(result.problems()).extracting(Problem::code).containsExactly(ProblemCode.IO_ERROR);
    }

    @Test
    void validateDirectoryChecksRulesAgainstConnectorsAndMetaverseBesideThem() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(
                dir.resolve("connectors/contoso.yaml"),
                "name: contoso.com\nkind: ldap\nobjectTypes:\n  user:\n    mail: string\n    sn: string\n");
        Files.writeString(dir.resolve("metaverse.yaml"), "objectTypes:\n  person:\n    mail: string\n");
        Files.writeString(rules.resolve("a.yaml"), rule("A", 1) + "flows:\n  - target: mail\n    direct: mial\n");
        Files.writeString(rules.resolve("b.yaml"), rule("B", 1));

        RuleLoadResult fromConfig = RulesLoader.validateDirectory(dir);
        RuleLoadResult fromRules = RulesLoader.validateDirectory(rules);

        for (RuleLoadResult result : List.of(fromConfig, fromRules)) {
            assertThat(result.problems())
                    .extracting(p -> Path.of(p.file()).getFileName().toString(), Problem::line, Problem::code)
                    .containsExactly(
                            tuple("a.yaml", 9, ProblemCode.UNKNOWN_ATTRIBUTE),
                            tuple("b.yaml", 6, ProblemCode.DUPLICATE_PRECEDENCE));
        }
    }

    @Test
    void badSchemaFilesAreReportedToo() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/x.yaml"), "name: x\nobjectTypes:\n  user:\n    mail: strin\n");

        List<Problem> problems = new ArrayList<>();
        RulesLoader.loadSchemas(dir, problems);

        assertThat(problems)
                .extracting(Problem::line, Problem::code, Problem::message)
                .containsExactly(
                        tuple(
                                1,
                                ProblemCode.MISSING_KEY,
                                "missing required key 'kind' (the connector implementation, e.g. ldap or graph)"),
                        tuple(
                                4,
                                ProblemCode.INVALID_VALUE,
                                "attribute 'mail' has type 'strin'; did you mean 'string'? (expected one of string,"
                                        + " integer, boolean, binary, reference, with [] for multi-valued)"));
    }
}
