package dev.joinery.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.engine.rules.LoadedRule;
import dev.joinery.engine.rules.Problem;
import dev.joinery.engine.rules.RuleLoadResult;
import dev.joinery.engine.rules.RulesLoader;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.aadc.AadcImportReport;
import dev.joinery.engine.rules.aadc.AadcImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code joinery rules}: list, validate and import sync rules. */
@Command(
        name = "rules",
        description = "Lists, validates and imports sync rules.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Validate.class, RulesCommand.ImportAadc.class})
public final class RulesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code joinery rules validate <dir>}: every problem with file and line; exit 0 when clean, 2 otherwise. */
    @Command(
            name = "validate",
            description = {
                "Loads every rule file of a folder and reports every problem with file, line and column:",
                "YAML errors, unknown attributes for the object type, expression errors, two join rules that",
                "can be in scope together, duplicate precedence, merge type mismatches."
            })
    static final class Validate implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "<dir>",
                description = "A configuration folder with a rules/ subfolder, or the rules folder itself.")
        private Path dir;

        @Option(names = "--json", description = "Prints the problems as a JSON array.")
        private boolean json;

        @Override
        public Integer call() throws IOException {
            RuleLoadResult result = RulesLoader.validateDirectory(dir);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = JSON.createArrayNode();
                result.problems().forEach(p -> array.add(problemJson(p)));
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } else {
                result.problems().forEach(out::println);
                out.println(result.rules().size() + " rule" + (result.rules().size() == 1 ? "" : "s") + ", "
                        + result.problems().size() + " problem"
                        + (result.problems().size() == 1 ? "" : "s"));
            }
            return result.isClean() ? ExitCodes.OK : ExitCodes.USAGE;
        }
    }

    /** {@code joinery rules list <dir>}: the rules of a folder in precedence order. */
    @Command(name = "list", description = "Lists the rules of a folder by direction and precedence.")
    static final class ListRules implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<dir>", description = "The rules folder (or its configuration folder).")
        private Path dir;

        @Option(names = "--json", description = "Prints the rules as a JSON array.")
        private boolean json;

        @Override
        public Integer call() throws IOException {
            RuleLoadResult result = RulesLoader.validateDirectory(dir);
            List<SyncRule> rules = result.rules().stream()
                    .map(LoadedRule::rule)
                    .sorted(Comparator.comparing(SyncRule::direction).thenComparingInt(SyncRule::precedence))
                    .toList();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = JSON.createArrayNode();
                for (SyncRule r : rules) {
                    ObjectNode o = array.addObject();
                    o.put("name", r.name());
                    o.put("direction", r.direction().toString());
                    o.put("connector", r.connector());
                    o.put("sourceObjectType", r.sourceObjectType());
                    o.put("targetObjectType", r.targetObjectType());
                    o.put("linkType", r.linkType().toString());
                    o.put("precedence", r.precedence());
                    o.put("disabled", r.disabled());
                    o.put("outOfBox", r.isOutOfBox());
                }
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } else {
                out.printf(
                        "%-10s %5s  %-9s %-10s %-40s %s%n", "DIRECTION", "PREC", "LINK", "STATE", "NAME", "CONNECTOR");
                for (SyncRule r : rules) {
                    out.printf(
                            "%-10s %5d  %-9s %-10s %-40s %s%n",
                            r.direction(),
                            r.precedence(),
                            r.linkType(),
                            r.disabled() ? "disabled" : "enabled",
                            r.name(),
                            r.connector());
                }
            }
            result.problems().forEach(p -> spec.commandLine().getErr().println(p));
            return result.isClean() ? ExitCodes.OK : ExitCodes.USAGE;
        }
    }

    /** {@code joinery rules import-aadc <folder> --out <dir>}: Azure AD Connect export to Joinery rules. */
    @Command(
            name = "import-aadc",
            description = {
                "Reads an Azure AD Connect configuration export (SynchronizationRules/*.xml, Connectors/*.xml,",
                "GlobalSettings/MV.xml) and writes the equivalent rules/*.yaml, connectors/*.yaml and metaverse.yaml."
            })
    static final class ImportAadc implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<folder>", description = "The export folder.")
        private Path folder;

        @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Where to write the files.")
        private Path out;

        @Override
        public Integer call() throws IOException {
            AadcImportReport report = AadcImporter.importToFolder(folder, out);
            PrintWriter w = spec.commandLine().getOut();
            report.imported()
                    .problems()
                    .forEach(p -> spec.commandLine().getErr().println(p));
            w.println("wrote " + report.ruleFiles().size() + " rules to " + out.resolve("rules") + ", "
                    + report.connectorFiles().size() + " connectors to " + out.resolve("connectors")
                    + (report.metaverseFile() != null ? ", the metaverse schema to " + report.metaverseFile() : ""));
            return report.isClean() ? ExitCodes.OK : ExitCodes.USAGE;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode problemJson(Problem p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", p.file());
        o.put("line", p.line());
        o.put("column", p.column());
        o.put("rule", p.ruleName());
        o.put("code", p.code().toString());
        o.put("message", p.message());
        return o;
    }
}
