package dev.joinery.engine.rules.aadc;

import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes rules in the {@code <synchronizationRule>} shape of an Azure AD Connect export, element for element in
 * the observed order, so that an imported rule exports back to its source. Elements Joinery has no meaning for
 * ({@code internal-id}, {@code version}, {@code precedence-after}, {@code precedence-before},
 * {@code softDeleteExpiryInterval}) come from {@link SyncRule#aadcExtras()} or take their default. A rule without
 * an id gets one derived from its name, so exports are repeatable. Stateless and thread-safe.
 */
public final class AadcExporter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AadcExporter() {}

    /**
     * One rule as XML text.
     *
     * @param connectorIds connector name to its Azure AD Connect GUID
     * @throws IllegalArgumentException when the rule's connector has no GUID in {@code connectorIds}
     */
    public static String toXml(SyncRule rule, Map<String, String> connectorIds) {
        String guid = connectorIds.get(rule.connector());
        if (guid == null) {
            throw new IllegalArgumentException(
                    "sync rule '" + rule.name() + "': no Azure AD Connect id for connector '" + rule.connector() + "'");
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            new Writer(w).rule(rule, guid.toLowerCase(Locale.ROOT));
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string failed", e);
        }
        return out.toString();
    }

    /** The id a rule is exported under: its own, or one derived from its name. */
    public static String idOf(SyncRule rule) {
        return rule.id() != null
                ? rule.id()
                : "{" + UUID.nameUUIDFromBytes(rule.name().getBytes(StandardCharsets.UTF_8)) + "}";
    }

    /**
     * Writes {@code SynchronizationRules/SynchronizationRule_<id>.xml} for every rule under {@code folder}.
     *
     * @return the files written, in rule order
     */
    public static List<Path> exportFolder(List<SyncRule> rules, Map<String, String> connectorIds, Path folder) {
        try {
            Path dir = Files.createDirectories(folder.resolve("SynchronizationRules"));
            return rules.stream()
                    .map(rule -> {
                        Path file = dir.resolve("SynchronizationRule_" + idOf(rule) + ".xml");
                        try {
                            return Files.writeString(file, toXml(rule, connectorIds), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Element writing with two-space indentation, as in the source files. */
    private static final class Writer {
        private final XMLStreamWriter w;
        private int depth;
        private boolean started;

        Writer(XMLStreamWriter w) {
            this.w = w;
        }

        void rule(SyncRule r, String connectorGuid) throws XMLStreamException {
            String id = idOf(r);
            Map<String, String> x = r.aadcExtras();
            open("synchronizationRule");
            leaf("id", id);
            leaf("internal-id", x.getOrDefault("internal-id", id));
            leaf("version", extra(x, "version"));
            leaf("name", r.name());
            leaf("description", r.description());
            leaf("immutable-tag", r.outOfBoxTag() == null ? "" : r.outOfBoxTag());
            leaf("direction", r.direction().displayName());
            leaf("disabled", r.disabled() ? "True" : "False");
            leaf("connector", connectorGuid);
            leaf("sourceObjectType", r.sourceObjectType());
            leaf("targetObjectType", r.targetObjectType());
            leaf("linkType", r.linkType().displayName());
            leaf("precedence", Integer.toString(r.precedence()));
            leaf("precedence-after", extra(x, "precedence-after"));
            leaf("precedence-before", extra(x, "precedence-before"));
            leaf("softDeleteExpiryInterval", extra(x, "softDeleteExpiryInterval"));
            leaf("EnablePasswordSync", r.passwordSync() ? "true" : "false");
            if (r.transformations().isEmpty()) {
                empty("attribute-mappings");
            } else {
                open("attribute-mappings");
                for (Transformation t : r.transformations()) {
                    mapping(t);
                }
                close();
            }
            if (r.join().isEmpty()) {
                empty("relationshipCriteria");
            } else {
                open("relationshipCriteria");
                for (JoinGroup g : r.join()) {
                    open("conditions");
                    for (JoinCondition c : g.conditions()) {
                        boolean inbound = r.direction() == Direction.INBOUND;
                        open("condition");
                        if (c.caseSensitive()) {
                            leaf("caseSensitive", "True");
                        }
                        leaf("csAttribute", inbound ? c.sourceAttribute() : c.targetAttribute());
                        leaf("ilmAttribute", inbound ? c.targetAttribute() : c.sourceAttribute());
                        close();
                    }
                    close();
                }
                close();
            }
            if (r.scope().isEmpty()) {
                empty("synchronizationCriteria");
            } else {
                open("synchronizationCriteria");
                for (List<ScopeClause> g : r.scope().groups()) {
                    open("conditions");
                    for (ScopeClause c : g) {
                        open("scope");
                        leaf("csAttribute", c.attribute());
                        leaf("csOperator", c.operator().displayName());
                        leaf("csValue", c.value());
                        close();
                    }
                    close();
                }
                close();
            }
            close();
            w.writeCharacters("\n");
        }

        private void mapping(Transformation t) throws XMLStreamException {
            indent();
            w.writeStartElement("mapping");
            if (t.applyOnce()) {
                w.writeAttribute("execute-once", "true");
            }
            depth++;
            leaf("dest", t.target());
            switch (t.flowType()) {
                case CONSTANT -> leaf("src", t.constantValue());
                case DIRECT, EXPRESSION -> {
                    if (!t.sources().isEmpty()) {
                        open("src");
                        for (String s : t.sources()) {
                            leaf("attr", s);
                        }
                        close();
                    }
                }
            }
            if (t.expressionText() != null) {
                leaf("expression", t.expressionText());
            }
            leaf("valueMergeType", t.mergeType().displayName());
            close();
        }

        private static String extra(Map<String, String> extras, String element) {
            return extras.getOrDefault(element, AadcRuleReader.EXTRAS.get(element));
        }

        private void indent() throws XMLStreamException {
            if (started) {
                w.writeCharacters("\n" + "  ".repeat(depth));
            }
            started = true;
        }

        private void open(String name) throws XMLStreamException {
            indent();
            w.writeStartElement(name);
            depth++;
        }

        private void close() throws XMLStreamException {
            depth--;
            indent();
            w.writeEndElement();
        }

        private void empty(String name) throws XMLStreamException {
            indent();
            w.writeEmptyElement(name);
        }

        private void leaf(String name, String text) throws XMLStreamException {
            if (text.isEmpty()) {
                empty(name);
                return;
            }
            indent();
            w.writeStartElement(name);
            w.writeCharacters(text);
            w.writeEndElement();
        }
    }
}
