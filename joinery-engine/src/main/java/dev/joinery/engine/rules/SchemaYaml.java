package dev.joinery.engine.rules;

import dev.joinery.engine.rules.YamlTree.MapNode;
import dev.joinery.engine.rules.YamlTree.Node;
import dev.joinery.engine.rules.YamlTree.Scalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The YAML form of connector stubs ({@code connectors/*.yaml}) and of the metaverse schema ({@code metaverse.yaml}).
 * Attributes are written {@code name: type}, with {@code []} after the type of a multi-valued one:
 *
 * <pre>{@code
 * name: contoso.com
 * kind: ldap
 * id: '{AE4DB4CC-B16B-4EB2-ACF5-837CA84E4D7D}'
 * anchor: objectGUID
 * partitions:
 *   - name: DC=contoso,DC=com
 *     objectTypes: [user, group, contact]
 *     inclusions: ['OU=CORP,DC=contoso,DC=com']
 *     exclusions: ['DC=contoso,DC=com']
 * objectTypes:
 *   user:
 *     objectSid: binary
 *     proxyAddresses: string[]
 * }</pre>
 *
 * A metaverse file has only {@code objectTypes}. Stateless and thread-safe.
 */
public final class SchemaYaml {
    private static final List<String> CONNECTOR_KEYS =
            List.of("name", "kind", "id", "anchor", "partitions", "objectTypes");
    private static final List<String> PARTITION_KEYS = List.of("name", "objectTypes", "inclusions", "exclusions");
    private static final List<String> TYPES = Arrays.stream(AttributeType.values())
            .map(AttributeType::displayName)
            .toList();

    private SchemaYaml() {}

    public static String writeConnector(ConnectorStub c) {
        StringBuilder b = new StringBuilder();
        b.append("name: ").append(YamlText.scalar(c.name(), false)).append('\n');
        b.append("kind: ").append(YamlText.scalar(c.kind(), false)).append('\n');
        if (c.id() != null) {
            b.append("id: ").append(YamlText.scalar(c.id(), false)).append('\n');
        }
        if (c.anchor() != null) {
            b.append("anchor: ").append(YamlText.scalar(c.anchor(), false)).append('\n');
        }
        if (!c.partitions().isEmpty()) {
            b.append("partitions:\n");
            for (Partition p : c.partitions()) {
                b.append("  - name: ").append(YamlText.scalar(p.name(), false)).append('\n');
                b.append("    objectTypes: ").append(flowList(p.objectTypes())).append('\n');
                b.append("    inclusions: ").append(flowList(p.inclusions())).append('\n');
                b.append("    exclusions: ").append(flowList(p.exclusions())).append('\n');
            }
        }
        writeTypes(b, c.schema());
        return b.toString();
    }

    public static String writeMetaverse(DirectorySchema schema) {
        StringBuilder b = new StringBuilder();
        writeTypes(b, schema);
        return b.toString();
    }

    private static void writeTypes(StringBuilder b, DirectorySchema schema) {
        b.append("objectTypes:");
        if (schema.objectTypes().isEmpty()) {
            b.append(" {}");
        }
        b.append('\n');
        schema.objectTypes().forEach((type, attributes) -> {
            b.append("  ").append(YamlText.scalar(type, false)).append(':');
            b.append(attributes.isEmpty() ? " {}\n" : "\n");
            attributes.values().forEach(a -> b.append("    ")
                    .append(YamlText.scalar(a.name(), false))
                    .append(": ")
                    .append(a.typeText())
                    .append('\n'));
        });
    }

    private static String flowList(List<String> items) {
        return items.stream().map(s -> YamlText.scalar(s, true)).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Reads a connector stub; problems go to {@code problems}, and then nothing is returned. */
    public static Optional<ConnectorStub> readConnector(String text, String file, List<Problem> problems) {
        YamlFields.Sink sink = new YamlFields.Sink(file);
        Optional<MapNode> root = root(text, sink);
        ConnectorStub stub = null;
        if (root.isPresent()) {
            YamlFields f = new YamlFields(root.get(), "", "connector", CONNECTOR_KEYS, sink);
            Optional<String> name = f.text("name", "the connector's unique name");
            Optional<String> kind = f.text("kind", "the connector implementation, e.g. ldap or graph");
            String id = f.text("id", null).orElse(null);
            String anchor = f.text("anchor", null).orElse(null);
            List<Partition> partitions = new ArrayList<>();
            for (Node n : f.list("partitions", "a list of partitions")) {
                if (n instanceof MapNode m) {
                    YamlFields p = new YamlFields(m, "partition", "partition", PARTITION_KEYS, sink);
                    partitions.add(new Partition(
                            p.text("name", "the partition name or DN").orElse(""),
                            strings(p, "objectTypes", sink),
                            strings(p, "inclusions", sink),
                            strings(p, "exclusions", sink)));
                } else {
                    sink.report(
                            n.position(),
                            ProblemCode.WRONG_TYPE,
                            "a partition must be a mapping, found " + n.describe());
                }
            }
            DirectorySchema schema = types(f, sink);
            if (name.isPresent() && kind.isPresent()) {
                stub = new ConnectorStub(name.get(), kind.get(), id, anchor, partitions, schema);
            }
        }
        problems.addAll(sink.problems);
        return sink.problems.isEmpty() ? Optional.ofNullable(stub) : Optional.empty();
    }

    /** Reads a metaverse schema; problems go to {@code problems}, and then nothing is returned. */
    public static Optional<DirectorySchema> readMetaverse(String text, String file, List<Problem> problems) {
        YamlFields.Sink sink = new YamlFields.Sink(file);
        Optional<DirectorySchema> schema = root(text, sink)
                .map(m -> types(new YamlFields(m, "", "metaverse schema", List.of("objectTypes"), sink), sink));
        problems.addAll(sink.problems);
        return sink.problems.isEmpty() ? schema : Optional.empty();
    }

    private static Optional<MapNode> root(String text, YamlFields.Sink sink) {
        try {
            Node root = YamlTree.parse(text);
            if (root instanceof MapNode m) {
                return Optional.of(m);
            }
            sink.report(
                    root == null ? new SourcePosition(1, 1) : root.position(),
                    ProblemCode.WRONG_TYPE,
                    "expected a mapping, found " + (root == null ? "an empty file" : root.describe()));
        } catch (YamlTree.SyntaxError e) {
            sink.report(e.position, ProblemCode.SYNTAX_ERROR, e.getMessage());
        }
        return Optional.empty();
    }

    private static DirectorySchema types(YamlFields f, YamlFields.Sink sink) {
        Map<String, Map<String, AttributeSchema>> types = new LinkedHashMap<>();
        Optional<Node> node = f.node("objectTypes");
        if (node.isEmpty()) {
            f.missing("objectTypes", "object type names, each a mapping of attribute name to type");
        } else if (node.get() instanceof MapNode m) {
            for (YamlTree.Entry type : m.entries()) {
                Map<String, AttributeSchema> attributes = new LinkedHashMap<>();
                if (type.value() instanceof MapNode am) {
                    for (YamlTree.Entry a : am.entries()) {
                        attribute(a, sink).ifPresent(s -> attributes.put(s.name(), s));
                    }
                } else if (!(type.value() instanceof Scalar s && s.isNull())) {
                    sink.report(
                            type.value().position(),
                            ProblemCode.WRONG_TYPE,
                            "object type '" + type.key() + "' must map attribute names to types, found "
                                    + type.value().describe());
                }
                types.put(type.key(), attributes);
            }
        } else {
            f.wrongType("objectTypes", node.get(), "a mapping of object type names");
        }
        return new DirectorySchema(types);
    }

    private static Optional<AttributeSchema> attribute(YamlTree.Entry a, YamlFields.Sink sink) {
        if (a.value() instanceof Scalar s && !s.isNull()) {
            String text = s.text().trim();
            boolean multi = text.endsWith("[]");
            Optional<AttributeType> type = AttributeType.parse(multi ? text.substring(0, text.length() - 2) : text);
            if (type.isPresent()) {
                return Optional.of(new AttributeSchema(a.key(), type.get(), multi));
            }
            sink.report(
                    s.contentStart(),
                    ProblemCode.INVALID_VALUE,
                    "attribute '" + a.key() + "' has type '" + text
                            + "'" + Suggest.didYouMean(text, TYPES) + " (expected one of " + String.join(", ", TYPES)
                            + ", with [] for multi-valued)");
        } else {
            sink.report(
                    a.value().position(),
                    ProblemCode.WRONG_TYPE,
                    "attribute '" + a.key() + "' must have a type, found "
                            + a.value().describe());
        }
        return Optional.empty();
    }

    private static List<String> strings(YamlFields f, String key, YamlFields.Sink sink) {
        List<String> out = new ArrayList<>();
        for (Node n : f.list(key, "a list of text")) {
            if (n instanceof Scalar s && !s.isNull()) {
                out.add(s.text());
            } else {
                sink.report(
                        n.position(),
                        ProblemCode.WRONG_TYPE,
                        "'" + key + "' items must be text, found " + n.describe());
            }
        }
        return out;
    }
}
