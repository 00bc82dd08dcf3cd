package dev.joinery.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md cannot rot: its tables are rendered from the definitions, its example loads. */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @TempDir
    Path dir;

    @Test
    void optionTablesAreTheRenderedDefinitions() throws IOException {
        String doc = Files.readString(DOC);

        assertThat(doc)
                .contains(ConfigRendering.markdownTable(GlobalOptions.ALL))
                .contains(ConfigRendering.markdownTable(GlobalOptions.CONNECTOR));
    }

    @Test
    void completeExampleIsValid() throws IOException {
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertThat(yaml.find()).isTrue();

        assertThat(ConfigFiles.problems(dir, yaml.group(1))).isEmpty();
    }

    @Test
    void postgresqlExampleIsValid() throws IOException {
        Matcher yaml = Pattern.compile("```yaml\n(store:\n  type: postgresql.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(DOC));
        assertThat(yaml.find()).isTrue();

        assertThat(ConfigFiles.problems(dir, yaml.group(1))).isEmpty();
    }
}
