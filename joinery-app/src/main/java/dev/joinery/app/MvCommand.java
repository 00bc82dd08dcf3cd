package dev.joinery.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.app.run.SyncRuntime;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.MvObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code joinery mv}: metaverse objects, with where every attribute came from. */
@Command(
        name = "mv",
        description = "Searches and shows metaverse objects: each attribute with the rule and connector that"
                + " contributed it, and the connector-space objects linked to it.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {MvCommand.Search.class, MvCommand.Show.class})
final class MvCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    static List<UUID> find(
            dev.joinery.engine.store.SyncTransaction tx, String type, String attribute, CommandLine cmd) {
        int eq = attribute.indexOf('=');
        if (eq <= 0) {
            throw new ParameterException(cmd, "expected NAME=VALUE, found '" + attribute + "'");
        }
        return tx.findMv(type, attribute.substring(0, eq), AttributeValue.text(attribute.substring(eq + 1)));
    }

    @Command(
            name = "search",
            description = {
                "Lists metaverse objects whose attribute holds a text value (ignoring case): id, type, displayName.",
                "Exits 0 also when nothing is found."
            })
    static final class Search extends RuntimeCommand {
        @Option(
                names = "--attribute",
                paramLabel = "NAME=VALUE",
                required = true,
                description = "e.g. userPrincipalName=jdoe@contoso.com")
        String attribute;

        @Option(names = "--type", paramLabel = "TYPE", description = "Only this object type (person, group, ...).")
        String type;

        @Override
        int run(SyncRuntime runtime) {
            List<MvObject> found = runtime.read(tx -> find(tx, type, attribute, spec.commandLine()).stream()
                    .map(id -> tx.mv(id).orElseThrow())
                    .toList());
            if (json) {
                ArrayNode a = ConfigCommand.JSON.createArrayNode();
                for (MvObject mv : found) {
                    ObjectNode o = a.addObject();
                    o.put("id", mv.id().toString());
                    o.put("objectType", mv.objectType());
                    o.put("displayName", first(mv, "displayName"));
                }
                printJson(a);
            } else {
                found.forEach(mv -> out().println(mv.id() + "\t" + mv.objectType() + "\t" + first(mv, "displayName")));
                out().flush();
            }
            return ExitCodes.OK;
        }

        private static String first(MvObject mv, String attribute) {
            List<AttributeValue> v = mv.values(attribute);
            return v.isEmpty() ? null : ObjectRendering.text(v.get(0));
        }
    }

    @Command(
            name = "show",
            description = {
                "Shows one metaverse object, by id or by the first match of NAME=VALUE: every attribute with the rule"
                        + " and connector that contributed it, and its connector-space links.",
                "Exits 8 when none matches."
            })
    static final class Show extends RuntimeCommand {
        @CommandLine.Parameters(paramLabel = "ID", arity = "0..1", description = "The metaverse object's id.")
        String id;

        @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "Finds it by an attribute value.")
        String attribute;

        @Override
        int run(SyncRuntime runtime) {
            if ((id == null) == (attribute == null)) {
                throw new ParameterException(spec.commandLine(), "give either an ID or --attribute NAME=VALUE");
            }
            Optional<ObjectNode> node = runtime.read(tx -> {
                Optional<UUID> target;
                if (id != null) {
                    try {
                        target = Optional.of(UUID.fromString(id));
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(spec.commandLine(), "not a metaverse id: '" + id + "'");
                    }
                } else {
                    target = find(tx, null, attribute, spec.commandLine()).stream()
                            .findFirst();
                }
                return target.flatMap(tx::mv).map(mv -> ObjectRendering.mv(tx, mv));
            });
            if (node.isEmpty()) {
                err().println("no metaverse object matches");
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
