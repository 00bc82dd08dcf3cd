package dev.joinery.engine.rules.aadc;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link AadcImporter#importToFolder(Path, Path)} read and wrote.
 *
 * @param imported the import, with its problems
 * @param ruleFiles the rule files written, in rule order
 * @param connectorFiles the connector stubs written
 * @param metaverseFile the metaverse schema written, or null when the export had none
 */
public record AadcImportReport(
        AadcImport imported, List<Path> ruleFiles, List<Path> connectorFiles, Path metaverseFile) {
    public AadcImportReport {
        ruleFiles = List.copyOf(ruleFiles);
        connectorFiles = List.copyOf(connectorFiles);
    }

    /** Whether the import had no problem (the CLI exits 0 then, 2 otherwise). */
    public boolean isClean() {
        return imported.problems().isEmpty();
    }
}
