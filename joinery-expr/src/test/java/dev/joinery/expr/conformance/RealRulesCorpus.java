package dev.joinery.expr.conformance;

import dev.joinery.expr.ast.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The expressions of the 62 real out-of-box synchronization rules exported from Azure AD Connect (the
 * 2016 "Contoso" export in {@code shared/testdata/aadc-export/SynchronizationRules}), read with the JDK's DOM
 * parser: every {@code <attribute-mappings>/<mapping>/<expression>}, XML-unescaped, with its rule and
 * destination attribute. Also the scoping values and join conditions, to show that they hold no expressions.
 *
 * <p>Loaded once and immutable; files are read in name order, mappings in document order.
 */
final class RealRulesCorpus {

    /** One expression flow of one rule. */
    record RuleExpression(
            String ruleName,
            String file,
            String direction,
            String sourceObjectType,
            String destination,
            String expression,
            boolean executeOnce) {
        @Override
        public String toString() {
            return ruleName + " -> " + destination;
        }
    }

    /** One scoping condition ({@code csAttribute csOperator csValue}) of one rule. */
    record ScopeCondition(String ruleName, String attribute, String operator, String value) {}

    /** One join condition ({@code csAttribute = ilmAttribute}) of one rule. */
    record JoinCondition(String ruleName, String csAttribute, String mvAttribute) {}

    private static RealRulesCorpus instance;

    private final int ruleCount;
    private final List<RuleExpression> expressions;
    private final List<ScopeCondition> scopes;
    private final List<JoinCondition> joins;

    private RealRulesCorpus(
            int ruleCount, List<RuleExpression> expressions, List<ScopeCondition> scopes, List<JoinCondition> joins) {
        this.ruleCount = ruleCount;
        this.expressions = List.copyOf(expressions);
        this.scopes = List.copyOf(scopes);
        this.joins = List.copyOf(joins);
    }

    /** The corpus, read on first use. */
    static synchronized RealRulesCorpus load() {
        if (instance == null) {
            instance = read(SharedReference.synchronizationRules());
        }
        return instance;
    }

    /** How many rule files were read. */
    int ruleCount() {
        return ruleCount;
    }

    /** Every expression flow, in file and document order. */
    List<RuleExpression> expressions() {
        return expressions;
    }

    List<ScopeCondition> scopes() {
        return scopes;
    }

    List<JoinCondition> joins() {
        return joins;
    }

    /** The one expression flow of {@code ruleName} into {@code destination}; fails if there is not exactly one. */
    RuleExpression expression(String ruleName, String destination) {
        List<RuleExpression> found = expressions.stream()
                .filter(e -> e.ruleName().equals(ruleName) && e.destination().equals(destination))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException(
                    "expected one expression flow " + ruleName + " -> " + destination + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * The attributes an expression reads: every {@code [name]}, and the quoted names given to
     * {@code ImportedValue("name")} and {@code ValueCount("name")}.
     */
    static Set<String> attributesReadBy(Node node) {
        Set<String> out = new LinkedHashSet<>();
        collectAttributes(node, out);
        return out;
    }

    /** The names of all functions an expression calls. */
    static Set<String> functionsCalledBy(Node node) {
        Set<String> out = new LinkedHashSet<>();
        collectCalls(node, out);
        return out;
    }

    private static void collectAttributes(Node node, Set<String> out) {
        if (node instanceof Node.AttributeRef a) {
            out.add(a.name());
        } else if (node instanceof Node.Call c) {
            if ((c.name().equals("ImportedValue") || c.name().equals("ValueCount"))
                    && c.arguments().size() == 1
                    && c.arguments().get(0) instanceof Node.StringLiteral s) {
                out.add(s.value());
            }
            c.arguments().forEach(a -> collectAttributes(a, out));
        } else if (node instanceof Node.Binary b) {
            collectAttributes(b.left(), out);
            collectAttributes(b.right(), out);
        } else if (node instanceof Node.Negate n) {
            collectAttributes(n.operand(), out);
        } else if (node instanceof Node.Group g) {
            collectAttributes(g.inner(), out);
        }
    }

    private static void collectCalls(Node node, Set<String> out) {
        if (node instanceof Node.Call c) {
            out.add(c.name());
            c.arguments().forEach(a -> collectCalls(a, out));
        } else if (node instanceof Node.Binary b) {
            collectCalls(b.left(), out);
            collectCalls(b.right(), out);
        } else if (node instanceof Node.Negate n) {
            collectCalls(n.operand(), out);
        } else if (node instanceof Node.Group g) {
            collectCalls(g.inner(), out);
        }
    }

    private static RealRulesCorpus read(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<RuleExpression> expressions = new ArrayList<>();
        List<ScopeCondition> scopes = new ArrayList<>();
        List<JoinCondition> joins = new ArrayList<>();
        DocumentBuilder builder = newBuilder();
        for (Path file : files) {
            Document doc;
            try {
                doc = builder.parse(file.toFile());
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
            Element rule = doc.getDocumentElement();
            String name = childText(rule, "name");
            String direction = childText(rule, "direction");
            String sourceType = childText(rule, "sourceObjectType");
            for (Element mappings : children(rule, "attribute-mappings")) {
                for (Element mapping : children(mappings, "mapping")) {
                    for (Element expression : children(mapping, "expression")) {
                        expressions.add(new RuleExpression(
                                name,
                                file.getFileName().toString(),
                                direction,
                                sourceType,
                                childText(mapping, "dest"),
                                expression.getTextContent(),
                                "true".equalsIgnoreCase(mapping.getAttribute("execute-once"))));
                    }
                }
            }
            for (Element criteria : children(rule, "synchronizationCriteria")) {
                for (Element conditions : children(criteria, "conditions")) {
                    for (Element scope : children(conditions, "scope")) {
                        scopes.add(new ScopeCondition(
                                name,
                                childText(scope, "csAttribute"),
                                childText(scope, "csOperator"),
                                childText(scope, "csValue")));
                    }
                }
            }
            for (Element criteria : children(rule, "relationshipCriteria")) {
                for (Element conditions : children(criteria, "conditions")) {
                    for (Element condition : children(conditions, "condition")) {
                        joins.add(new JoinCondition(
                                name, childText(condition, "csAttribute"), childText(condition, "ilmAttribute")));
                    }
                }
            }
        }
        return new RealRulesCorpus(files.size(), expressions, scopes, joins);
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String childText(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.get(0).getTextContent();
    }
}
