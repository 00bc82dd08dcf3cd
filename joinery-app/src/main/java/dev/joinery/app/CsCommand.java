package dev.joinery.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.store.SyncTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code joinery cs}: a connector space's objects. */
@Command(
        name = "cs",
        description = "Searches and shows connector-space objects: the last imported image of each directory object.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CsCommand.Search.class, CsCommand.Show.class})
final class CsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** The ways to find objects; none given = every object. */
    static final class Criteria {
        @Option(names = "--dn", paramLabel = "DN", description = "The object with this DN (ignoring case).")
        String dn;

        @Option(names = "--anchor", paramLabel = "ANCHOR", description = "The object with this anchor.")
        String anchor;

        @Option(
                names = "--attribute",
                paramLabel = "NAME=VALUE",
                description = "Objects whose attribute holds this text value (ignoring case).")
        String attribute;

        boolean any() {
            return dn != null || anchor != null || attribute != null;
        }

        List<UUID> find(SyncTransaction tx, String connector, CommandLine cmd) {
            Set<UUID> ids = new LinkedHashSet<>();
            if (dn != null) {
                tx.csByDn(connector, dn).ifPresent(cs -> ids.add(cs.id()));
            } else if (anchor != null) {
                tx.csByAnchor(connector, Anchor.of(anchor)).ifPresent(cs -> ids.add(cs.id()));
            } else if (attribute != null) {
                int eq = attribute.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(cmd, "--attribute expects NAME=VALUE, found '" + attribute + "'");
                }
                ids.addAll(tx.findCs(
                        connector, attribute.substring(0, eq), AttributeValue.text(attribute.substring(eq + 1))));
            } else {
                ids.addAll(tx.csIds(connector));
            }
            return new ArrayList<>(ids);
        }
    }

    @Command(
            name = "search",
            description = {
                "Lists the connector-space objects of a connector found by DN, anchor or attribute value (all when no"
                        + " criterion is given), one per line: DN, anchor, type, link.",
                "Exits 0 also when nothing is found."
            })
    static final class Search extends RuntimeCommand {
        @Option(names = "--connector", paramLabel = "NAME", required = true, description = "The connector.")
        String connector;

        @CommandLine.ArgGroup(exclusive = true)
        Criteria criteria = new Criteria();

        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int run(SyncRuntime runtime) {
            String name = connector(runtime, connector);
            if (name == null) {
                return ExitCodes.NOT_FOUND;
            }
            List<CsObject> found = runtime.read(tx -> criteria.find(tx, name, spec.commandLine()).stream()
                    .limit(limit)
                    .map(id -> tx.cs(id).orElseThrow())
                    .toList());
            if (json) {
                ArrayNode a = ConfigCommand.JSON.createArrayNode();
                for (CsObject cs : found) {
                    ObjectNode o = a.addObject();
                    o.put("id", cs.id().toString());
                    o.put("dn", cs.dn());
                    o.put("anchor", cs.anchor() == null ? null : cs.anchor().value());
                    o.put("objectType", cs.objectType());
                    o.put("linked", cs.isLinked());
                }
                printJson(a);
            } else {
                for (CsObject cs : found) {
                    out().println(cs.dn() + "\t"
                            + (cs.anchor() == null ? "-" : cs.anchor().value()) + "\t" + cs.objectType() + "\t"
                            + (cs.isLinked() ? "linked" : "disconnector"));
                }
                out().flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "show",
            description = {
                "Shows one connector-space object: its hologram, link, pending import and pending export.",
                "Exits 8 when no object matches."
            })
    static final class Show extends RuntimeCommand {
        @Option(names = "--connector", paramLabel = "NAME", required = true, description = "The connector.")
        String connector;

        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Criteria criteria;

        @Override
        int run(SyncRuntime runtime) {
            String name = connector(runtime, connector);
            if (name == null) {
                return ExitCodes.NOT_FOUND;
            }
            Optional<ObjectNode> node = runtime.read(tx -> criteria.find(tx, name, spec.commandLine()).stream()
                    .findFirst()
                    .flatMap(tx::cs)
                    .map(cs -> ObjectRendering.cs(cs, tx.pendingExport(cs.id()))));
            if (node.isEmpty()) {
                err().println("no object of " + name + " matches");
                err().flush();
                return ExitCodes.NOT_FOUND;
            }
            if (json) {
                printJson(node.get());
            } else {
                ObjectRendering.printText(out(), node.get(), "");
            }
            return ExitCodes.OK;
        }
    }
}
