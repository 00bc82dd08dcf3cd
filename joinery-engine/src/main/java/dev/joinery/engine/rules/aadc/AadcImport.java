package dev.joinery.engine.rules.aadc;

import dev.joinery.engine.rules.ConnectorStub;
import dev.joinery.engine.rules.DirectorySchema;
import dev.joinery.engine.rules.LoadedRule;
import dev.joinery.engine.rules.Problem;
import dev.joinery.engine.rules.RuleSchemas;
import dev.joinery.engine.rules.SyncRule;
import java.util.List;
import java.util.Objects;

/**
 * What an Azure AD Connect export gave.
 *
 * @param rules the rules that imported, by precedence then name; each knows the XML file it came from
 * @param connectors connector stubs, in file-name order
 * @param metaverse the metaverse schema, or null when the export has no {@code GlobalSettings/MV.xml}
 * @param problems everything that could not be imported, never null
 */
public record AadcImport(
        List<LoadedRule> rules, List<ConnectorStub> connectors, DirectorySchema metaverse, List<Problem> problems) {
    public AadcImport {
        rules = List.copyOf(rules);
        connectors = List.copyOf(connectors);
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    public List<SyncRule> syncRules() {
        return rules.stream().map(LoadedRule::rule).toList();
    }

    /** The imported metaverse and connector schemas, for {@link dev.joinery.engine.rules.RuleSetValidator}. */
    public RuleSchemas schemas() {
        return RuleSchemas.of(metaverse, connectors);
    }
}
