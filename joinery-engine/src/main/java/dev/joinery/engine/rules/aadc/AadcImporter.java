package dev.joinery.engine.rules.aadc;

import dev.joinery.engine.rules.ConnectorStub;
import dev.joinery.engine.rules.DirectorySchema;
import dev.joinery.engine.rules.LoadedRule;
import dev.joinery.engine.rules.Problem;
import dev.joinery.engine.rules.ProblemCode;
import dev.joinery.engine.rules.RuleSource;
import dev.joinery.engine.rules.SyncRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Imports an Azure AD Connect configuration export (the folder {@code Get-ADSyncServerConfiguration} writes):
 * {@code Connectors/*.xml} become connector stubs, {@code GlobalSettings/MV.xml} the metaverse schema and
 * {@code SynchronizationRules/*.xml} Joinery rules whose connector GUIDs are replaced by connector names. Every
 * file is read; problems are collected, never thrown. Stateless and thread-safe.
 */
public final class AadcImporter {
    private AadcImporter() {}

    /**
     * Reads the export folder.
     *
     * @param folder the folder holding {@code SynchronizationRules}, {@code Connectors} and {@code GlobalSettings}
     */
    public static AadcImport importFolder(Path folder) {
        List<Problem> problems = new ArrayList<>();
        List<ConnectorStub> connectors = new ArrayList<>();
        for (Path file : xmlFiles(folder.resolve("Connectors"), problems)) {
            parse(file, problems).ifPresent(e -> connectors.add(AadcConnectorReader.read(e)));
        }
        Map<String, String> names = new HashMap<>();
        connectors.forEach(c -> {
            if (c.id() != null) {
                names.put(c.id().toLowerCase(Locale.ROOT), c.name());
            }
        });

        DirectorySchema metaverse = null;
        Path mv = folder.resolve("GlobalSettings").resolve("MV.xml");
        if (Files.isRegularFile(mv)) {
            metaverse = parse(mv, problems)
                    .flatMap(e -> Xml.descendant(e, "directory-schema"))
                    .map(s -> new DirectorySchema(DsmlSchemaReader.read(s)))
                    .orElse(null);
        }

        List<LoadedRule> rules = new ArrayList<>();
        for (Path file : xmlFiles(folder.resolve("SynchronizationRules"), problems)) {
            Optional<Element> root = parse(file, problems);
            if (root.isPresent()) {
                if (Xml.localName(root.get()).equals("synchronizationRule")) {
                    AadcRuleReader.read(root.get(), names, file.toString(), problems)
                            .ifPresent(r -> rules.add(new LoadedRule(r, RuleSource.file(file.toString()))));
                } else {
                    problems.add(new Problem(
                            file.toString(),
                            0,
                            0,
                            null,
                            "expected <synchronizationRule>, found <" + Xml.localName(root.get()) + ">",
                            ProblemCode.UNSUPPORTED_ELEMENT));
                }
            }
        }
        rules.sort(Comparator.comparingInt((LoadedRule r) -> r.rule().precedence())
                .thenComparing(r -> r.rule().name()));
        return new AadcImport(rules, connectors, metaverse, problems);
    }

    /**
     * Imports the export folder and writes it as a Joinery configuration, for
     * {@code joinery rules import-aadc <folder> --out <dir>}: {@code <dir>/rules/*.yaml} (one file per rule, named
     * after the rule in kebab case), {@code <dir>/connectors/*.yaml} and {@code <dir>/metaverse.yaml}. Rules that
     * did not import are listed in the report's problems and not written.
     *
     * @throws IOException when the output cannot be written
     */
    public static AadcImportReport importToFolder(Path exportFolder, Path outDir) throws IOException {
        return AadcConfigWriter.write(importFolder(exportFolder), outDir);
    }

    /** Reads one {@code <synchronizationRule>} document, e.g. for a test or a single-rule import. */
    public static Optional<SyncRule> readRule(
            Path file, Map<String, String> connectorNamesById, List<Problem> problems) {
        Map<String, String> names = new HashMap<>();
        connectorNamesById.forEach((id, name) -> names.put(id.toLowerCase(Locale.ROOT), name));
        return parse(file, problems).flatMap(e -> AadcRuleReader.read(e, names, file.toString(), problems));
    }

    private static List<Path> xmlFiles(Path dir, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 0, 0, null, "folder not found", ProblemCode.IO_ERROR));
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 0, 0, null, "cannot list: " + e, ProblemCode.IO_ERROR));
            return List.of();
        }
    }

    private static Optional<Element> parse(Path file, List<Problem> problems) {
        try {
            return Optional.of(Xml.parse(file));
        } catch (SAXParseException e) {
            problems.add(new Problem(
                    file.toString(),
                    Math.max(0, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber()),
                    null,
                    "not well-formed XML: " + e.getMessage(),
                    ProblemCode.SYNTAX_ERROR));
        } catch (SAXException e) {
            problems.add(new Problem(
                    file.toString(), 0, 0, null, "not well-formed XML: " + e.getMessage(), ProblemCode.SYNTAX_ERROR));
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, 0, null, "cannot read: " + e, ProblemCode.IO_ERROR));
        }
        return Optional.empty();
    }
}
