package dev.joinery.engine.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads a configuration's rules and schemas from disk for the CLI and the engine. A configuration folder holds
 * {@code rules/*.yaml} (one rule or a list of rules per file), {@code connectors/*.yaml} (connector stubs, see
 * {@link SchemaYaml}) and optionally {@code metaverse.yaml}. Every file is read and every problem collected;
 * nothing is thrown for a bad file. Stateless and thread-safe.
 */
public final class RulesLoader {
    private RulesLoader() {}

    /**
     * Reads every {@code *.yaml} and {@code *.yml} file directly in a folder, in file-name order.
     *
     * @return the rules that read without error, and every problem (a missing folder is an
     *     {@link ProblemCode#IO_ERROR})
     */
    public static RuleLoadResult loadDirectory(Path rulesDir) {
        List<LoadedRule> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : yamlFiles(rulesDir, problems)) {
            RuleLoadResult one = RuleYamlReader.read(file);
            rules.addAll(one.rules());
            problems.addAll(one.problems());
        }
        return new RuleLoadResult(rules, problems);
    }

    /**
     * Reads the schemas of a configuration folder: {@code connectors/*.yaml} and {@code metaverse.yaml}. Either may
     * be absent; the validator then skips that side.
     */
    public static RuleSchemas loadSchemas(Path configDir, List<Problem> problems) {
        List<ConnectorStub> connectors = new ArrayList<>();
        Path connectorDir = configDir.resolve("connectors");
        if (Files.isDirectory(connectorDir)) {
            for (Path file : yamlFiles(connectorDir, problems)) {
                read(file, problems)
                        .flatMap(text -> SchemaYaml.readConnector(text, file.toString(), problems))
                        .ifPresent(connectors::add);
            }
        }
        DirectorySchema metaverse = null;
        Path mv = configDir.resolve("metaverse.yaml");
        if (Files.isRegularFile(mv)) {
            metaverse = read(mv, problems)
                    .flatMap(text -> SchemaYaml.readMetaverse(text, mv.toString(), problems))
                    .orElse(null);
        }
        return RuleSchemas.of(metaverse, connectors);
    }

    /**
     * Loads and validates, for {@code joinery rules validate <dir>}. {@code dir} is either a configuration folder
     * (it has a {@code rules} subfolder) or a rules folder whose parent holds {@code connectors/} and
     * {@code metaverse.yaml}. The CLI exits 0 when {@link RuleLoadResult#isClean()}, 2 otherwise.
     *
     * @return the rules read and every load and validation problem, sorted by file, line and column
     */
    public static RuleLoadResult validateDirectory(Path dir) {
        Path rulesDir = Files.isDirectory(dir.resolve("rules")) ? dir.resolve("rules") : dir;
        Path configDir = rulesDir == dir && dir.toAbsolutePath().getParent() != null
                ? dir.toAbsolutePath().getParent()
                : dir;
        RuleLoadResult loaded = loadDirectory(rulesDir);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        RuleSchemas schemas = loadSchemas(configDir, problems);
        problems.addAll(RuleSetValidator.validate(loaded.rules(), schemas));
        problems.sort(java.util.Comparator.comparing(
                        Problem::file, java.util.Comparator.nullsLast(java.util.Comparator.<String>naturalOrder()))
                .thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        return new RuleLoadResult(loaded.rules(), problems);
    }

    private static List<Path> yamlFiles(Path dir, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 0, 0, null, "folder not found", ProblemCode.IO_ERROR));
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 0, 0, null, "cannot list: " + e, ProblemCode.IO_ERROR));
            return List.of();
        }
    }

    private static java.util.Optional<String> read(Path file, List<Problem> problems) {
        try {
            return java.util.Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, 0, null, "cannot read: " + e, ProblemCode.IO_ERROR));
            return java.util.Optional.empty();
        }
    }
}
