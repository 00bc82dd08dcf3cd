package dev.joinery.engine.rules.aadc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Small DOM helpers: namespace-aware parsing without DTDs or external entities, children by local name. */
final class Xml {
    private Xml() {}

    static Element parse(Path file) throws IOException, SAXException {
        try (InputStream in = Files.newInputStream(file)) {
            return builder().parse(in, file.toUri().toString()).getDocumentElement();
        }
    }

    static Element parse(InputStream in) throws IOException, SAXException {
        return builder().parse(in).getDocumentElement();
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses a standard setting", e);
        }
    }

    static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String localName) {
        return children(parent).stream()
                .filter(e -> localName(e).equals(localName))
                .toList();
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The text of a child element, or empty when there is no such child. */
    static Optional<String> text(Element parent, String localName) {
        return child(parent, localName).map(Element::getTextContent);
    }

    /** The first descendant with the local name, depth first. */
    static Optional<Element> descendant(Element root, String localName) {
        for (Element c : children(root)) {
            if (localName(c).equals(localName)) {
                return Optional.of(c);
            }
            Optional<Element> deeper = descendant(c, localName);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }
}
