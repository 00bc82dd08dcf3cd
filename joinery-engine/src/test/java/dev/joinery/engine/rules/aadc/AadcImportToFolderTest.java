package dev.joinery.engine.rules.aadc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.engine.rules.ConnectorStub;
import dev.joinery.engine.rules.DirectorySchema;
import dev.joinery.engine.rules.RuleLoadResult;
import dev.joinery.engine.rules.RulesLoader;
import dev.joinery.engine.rules.SchemaYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code joinery rules import-aadc <folder> --out <dir>} followed by {@code joinery rules validate <dir>}. */
class AadcImportToFolderTest {
    @TempDir
    Path out;

    @Test
    void importWritesOneYamlFilePerRuleConnectorStubsAndTheMetaverseThatValidateClean() throws IOException {
        AadcImportReport report = AadcImporter.importToFolder(AadcImporterTest.EXPORT, out);

        assertThat(report.isClean()).isTrue();
        assertThat(report.ruleFiles()).hasSize(62).contains(out.resolve("rules/in-from-ad-user-join.yaml"));
        assertThat(report.connectorFiles())
                .containsExactly(
                        out.resolve("connectors/contoso-com.yaml"),
                        out.resolve("connectors/contoso-onmicrosoft-com-aad.yaml"));
        assertThat(report.metaverseFile()).isEqualTo(out.resolve("metaverse.yaml"));
        assertThat(Files.readString(out.resolve("rules/in-from-ad-user-join.yaml")))
                .startsWith("name: In from AD - User Join\n");

        RuleLoadResult validated = RulesLoader.validateDirectory(out);

        assertThat(validated.problems()).isEmpty();
        assertThat(validated.syncRules())
                .containsExactlyInAnyOrderElementsOf(report.imported().syncRules());
    }

    @Test
    void connectorStubsAndMetaverseSchemaReadBackEqual() {
        AadcImport imported = AadcImporter.importFolder(AadcImporterTest.EXPORT);
        List<dev.joinery.engine.rules.Problem> problems = new ArrayList<>();

        for (ConnectorStub c : imported.connectors()) {
            assertThat(SchemaYaml.readConnector(SchemaYaml.writeConnector(c), "c.yaml", problems))
                    .contains(c);
        }
        DirectorySchema mv = imported.metaverse();
        assertThat(SchemaYaml.readMetaverse(SchemaYaml.writeMetaverse(mv), "metaverse.yaml", problems))
                .contains(mv);
        assertThat(problems).isEmpty();
    }

    @Test
    void stubsCarryNoCredentialOrCookie() throws IOException {
        AadcImporter.importToFolder(AadcImporterTest.EXPORT, out);

        for (Path file : List.of(
                out.resolve("connectors/contoso-com.yaml"),
                out.resolve("connectors/contoso-onmicrosoft-com-aad.yaml"))) {
            assertThat(Files.readString(file)).doesNotContain("MSOL_", "Sync_CONTOSO", "TVNEUw", "password");
        }
    }
}
