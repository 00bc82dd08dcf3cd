package dev.joinery.engine.rules.aadc;

import dev.joinery.engine.rules.ConnectorStub;
import dev.joinery.engine.rules.RuleYamlWriter;
import dev.joinery.engine.rules.SchemaYaml;
import dev.joinery.engine.rules.SyncRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an import as a Joinery configuration folder: {@code rules/<kebab-name>.yaml} (one file per rule; a
 * second rule whose name gives the same file name gets {@code -2}, ...), {@code connectors/<kebab-name>.yaml} and
 * {@code metaverse.yaml}. Existing files of the same names are replaced; other files are left alone.
 */
final class AadcConfigWriter {
    private AadcConfigWriter() {}

    static AadcImportReport write(AadcImport imported, Path outDir) throws IOException {
        Path rulesDir = Files.createDirectories(outDir.resolve("rules"));
        Path connectorDir = Files.createDirectories(outDir.resolve("connectors"));
        List<Path> ruleFiles = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (SyncRule rule : imported.syncRules()) {
            String base = RuleYamlWriter.kebab(rule.name());
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "-" + n;
            }
            ruleFiles.add(Files.writeString(
                    rulesDir.resolve(name + ".yaml"), RuleYamlWriter.write(rule), StandardCharsets.UTF_8));
        }
        List<Path> connectorFiles = new ArrayList<>();
        for (ConnectorStub c : imported.connectors()) {
            connectorFiles.add(Files.writeString(
                    connectorDir.resolve(RuleYamlWriter.kebab(c.name()) + ".yaml"),
                    SchemaYaml.writeConnector(c),
                    StandardCharsets.UTF_8));
        }
        Path metaverseFile = null;
        if (imported.metaverse() != null) {
            metaverseFile = Files.writeString(
                    outDir.resolve("metaverse.yaml"),
                    SchemaYaml.writeMetaverse(imported.metaverse()),
                    StandardCharsets.UTF_8);
        }
        return new AadcImportReport(imported, ruleFiles, connectorFiles, metaverseFile);
    }
}
