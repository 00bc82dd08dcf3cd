package dev.joinery.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import dev.joinery.connector.spi.config.OptionType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration as data: the effective {@code joinery.yaml} for {@code config show}, and every option's
 * definition for {@code config options}, the API schema and the docs. Secrets appear as their references.
 */
public final class ConfigRendering {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ConfigRendering() {}

    /** A value as JSON: durations {@code 30m}, paths and URLs as text, secrets as their references. */
    public static JsonNode value(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Duration d) {
            return JSON.textNode(Durations.format(d));
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(v -> array.add(value(v)));
            return array;
        }
        return JSON.textNode(value.toString()); // String, Path, URI, Secret (its reference)
    }

    /**
     * The effective configuration, shaped like {@code joinery.yaml} with every default filled in and every path
     * absolute; loading it again gives the same configuration.
     */
    public static ObjectNode effective(JoineryConfig config) {
        ObjectNode root = JSON.objectNode();
        ArrayNode connectors = root.putArray(GlobalOptions.CONNECTORS);
        for (JoineryConfig.Connector c : config.connectors()) {
            ObjectNode item = connectors.addObject();
            item.put(GlobalOptions.CONNECTOR_NAME.name(), c.name());
            item.put(GlobalOptions.CONNECTOR_KIND.name(), c.kind());
            for (Option<?> option : c.config().options()) {
                c.config().find(option).ifPresent(v -> item.set(option.name(), value(v)));
            }
        }
        ObjectNode store = root.putObject("store");
        store.put("type", config.store().type());
        if (config.store() instanceof JoineryConfig.H2 h2) {
            store.set("path", value(h2.path()));
        } else if (config.store() instanceof JoineryConfig.Postgresql pg) {
            store.set("url", value(pg.url()));
            putIfPresent(store, "user", pg.user());
            putIfPresent(store, "password", pg.password());
        }
        root.set(GlobalOptions.RULES.name(), value(config.rules()));
        ObjectNode thresholds = root.putObject("thresholds");
        DeletionThreshold deletion = config.thresholds().deletion();
        thresholds.set(
                "deletion", deletion.isPercentage() ? value(deletion.toString()) : JSON.numberNode(deletion.count()));
        thresholds.put("errorLimit", config.thresholds().errorLimit());
        root.put(GlobalOptions.STAGING_MODE.name(), config.stagingMode());
        ObjectNode schedule = root.putObject("schedule");
        schedule.set("interval", value(config.schedule().interval()));
        schedule.put("enabled", config.schedule().enabled());
        ObjectNode server = root.putObject("server");
        server.put("host", config.server().host());
        server.put("port", config.server().port());
        return root;
    }

    private static void putIfPresent(ObjectNode node, String key, Object value) {
        if (value != null) {
            node.set(key, value(value));
        }
    }

    /** A group of options as help and docs show them. */
    public record Group(String title, String scope, String kind, OptionSet options) {}

    /** The global options, those of every connector, then each kind's, sorted by kind. */
    public static List<Group> groups(ConnectorKinds kinds) {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("Global options", "global", null, GlobalOptions.ALL));
        groups.add(new Group("Every connector (each item of connectors)", "connector", null, GlobalOptions.CONNECTOR));
        for (ConnectorFactory f : kinds.factories()) {
            groups.add(new Group("Connector kind " + f.kind(), "connector", f.kind(), f.options()));
        }
        return groups;
    }

    /**
     * Every option as a JSON object with {@code name}, {@code scope} ({@code global} or {@code connector}), {@code
     * kind} (null unless the option is one kind's), {@code type}, {@code required}, {@code secret}, {@code default}
     * (typed, or null), {@code values} (an enum's words, else empty), {@code expected} and {@code description}.
     */
    public static ArrayNode options(ConnectorKinds kinds) {
        ArrayNode array = JSON.arrayNode();
        for (Group group : groups(kinds)) {
            for (Option<?> option : group.options()) {
                ObjectNode o = array.addObject();
                o.put("name", option.name());
                o.put("scope", group.scope());
                o.put("kind", group.kind());
                o.put("type", option.type().label());
                o.put("required", option.isRequired());
                o.put("secret", option.isSecret());
                o.set("default", value(option.defaultValue()));
                ArrayNode values = o.putArray("values");
                option.allowedValues().forEach(values::add);
                o.put("expected", option.expected());
                o.put("description", option.description());
            }
        }
        return array;
    }

    /** Every option as aligned text tables, one per group. */
    public static String optionsTable(ConnectorKinds kinds) {
        StringBuilder out = new StringBuilder();
        for (Group group : groups(kinds)) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "TYPE", "DEFAULT", "DESCRIPTION"});
            for (Option<?> option : group.options()) {
                String description = option.description()
                        + (option.type() == OptionType.ENUM
                                ? " One of " + String.join(", ", option.allowedValues()) + "."
                                : "");
                rows.add(new String[] {option.name(), option.type().label(), defaultText(option), description});
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(group.title()).append('\n');
            int[] widths = new int[3];
            for (String[] row : rows) {
                for (int i = 0; i < 3; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                out.append("  ");
                for (int i = 0; i < 3; i++) {
                    out.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
                }
                out.append(row[3].strip()).append('\n');
            }
        }
        return out.toString();
    }

    /** The options of {@code set} as a Markdown table, as docs/configuration.md carries it (a test keeps them equal). */
    public static String markdownTable(OptionSet set) {
        StringBuilder out = new StringBuilder("| option | type | default | description |\n| --- | --- | --- | --- |\n");
        for (Option<?> option : set) {
            String values = option.allowedValues().isEmpty()
                    ? ""
                    : " One of " + String.join(", ", option.allowedValues()) + ".";
            out.append("| `")
                    .append(option.name())
                    .append("` | ")
                    .append(option.type().label())
                    .append(" | ");
            String d = defaultText(option);
            out.append(d.equals("-") || d.equals("(required)") ? d.replace("-", "") : "`" + d + "`");
            out.append(" | ")
                    .append((option.description() + values).replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String defaultText(Option<?> option) {
        if (option.isRequired()) {
            return "(required)";
        }
        Object d = option.defaultValue();
        if (d == null) {
            return "-";
        }
        return d instanceof Path || d instanceof String ? d.toString() : value(d).asText();
    }
}
