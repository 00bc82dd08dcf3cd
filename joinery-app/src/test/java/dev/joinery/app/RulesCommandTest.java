package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code joinery rules}: import of the real Azure AD Connect export, validation, listing, exit codes. */
class RulesCommandTest {
    private static final Path AADC_EXPORT =
            Path.of(System.getProperty("joinery.shared", "../../shared")).resolve("testdata/aadc-export");

    @TempDir
    Path dir;

    /** All 62 rules of the real export import, and the imported folder validates clean. */
    @Test
    void importedAadcExportValidatesClean() {
        CliRun imported = CliRun.run("rules", "import-aadc", AADC_EXPORT.toString(), "--out", dir.toString());
        CliRun validated = CliRun.run("rules", "validate", dir.toString());

        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCodes.OK);
        assertThat(imported.out()).contains("wrote 62 rules");
        assertThat(validated.exitCode()).as(validated.out()).isEqualTo(ExitCodes.OK);
        assertThat(validated.out()).contains("62 rules, 0 problems");
    }

    @Test
    void listShowsRulesInPrecedenceOrderAsJson() throws IOException {
        CliRun.run("rules", "import-aadc", AADC_EXPORT.toString(), "--out", dir.toString());

        CliRun listed = CliRun.run("rules", "list", dir.toString(), "--json");

        JsonNode rules = new ObjectMapper().readTree(listed.out());
        assertThat(listed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(rules).hasSize(62);
        assertThat(rules.get(0).get("name").asText()).isEqualTo("In from AD - User Join");
        assertThat(rules.get(0).get("precedence").asInt()).isEqualTo(100);
    }

    @Test
    void validateReportsEveryProblemWithFileAndLineAndExitsTwo() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("bad.yaml"), """
                name: Bad
                conector: x
                direction: Inbound
                sourceObjectType: user
                targetObjectType: person
                flows:
                  - target: displayName
                    expression: Trimm([cn])
                """);

        CliRun run = CliRun.run("rules", "validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("bad.yaml:2:").contains("did you mean");
        assertThat(run.out()).contains("bad.yaml:8:").contains("Trim");
    }

    @Test
    void validateJsonGivesOneObjectPerProblem() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("bad.yaml"), "name: Bad\nprecedence: abc\n");

        CliRun run = CliRun.run("rules", "validate", dir.toString(), "--json");

        JsonNode problems = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).has("line")).isTrue();
        assertThat(problems.get(0).get("file").asText()).endsWith("bad.yaml");
    }
}
