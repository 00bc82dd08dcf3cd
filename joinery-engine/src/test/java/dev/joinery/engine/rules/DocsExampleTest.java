package dev.joinery.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example in docs/sync-rules.md is a rule that reads without problems, so the doc cannot rot. */
class DocsExampleTest {

    @Test
    void documentedExampleRuleReadsClean() throws IOException {
        String doc = Files.readString(Path.of("../docs/sync-rules.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));

        RuleLoadResult result = RuleYamlReader.read(yaml, "docs/sync-rules.md");

        assertThat(result.problems()).isEmpty();
        SyncRule rule = result.syncRules().get(0);
        assertThat(rule.join()).hasSize(2);
        assertThat(rule.transformations()).hasSize(3);
        assertThat(RuleYamlReader.read(RuleYamlWriter.write(rule), "again.yaml").syncRules())
                .containsExactly(rule);
    }
}
