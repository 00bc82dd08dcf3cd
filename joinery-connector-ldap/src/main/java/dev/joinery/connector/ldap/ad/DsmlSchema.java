package dev.joinery.connector.ldap.ad;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The DSML {@code directory-schema} of an Azure AD Connect connector export ({@code Connector_{...}.xml}):
 * attribute types by name with their syntax and cardinality, and each class's attributes. Immutable.
 */
record DsmlSchema(List<AttributeType> attributes, Map<String, List<String>> classes) {
    static final DsmlSchema EMPTY = new DsmlSchema(List.of(), Map.of());

    record AttributeType(String name, String syntax, boolean single) {}

    static DsmlSchema read(Path file) {
        Element root;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = f.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the connector schema " + file, e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException("the connector schema " + file + " is not XML: " + e.getMessage(), e);
        }
        Map<String, String> nameById = new HashMap<>();
        List<AttributeType> attributes = new ArrayList<>();
        for (Element a : elements(root, "attribute-type")) {
            String name = childText(a, "name");
            if (name == null) {
                continue;
            }
            nameById.put(a.getAttribute("id"), name);
            String syntax = childText(a, "syntax");
            attributes.add(new AttributeType(
                    name, syntax == null ? "" : syntax, "true".equalsIgnoreCase(a.getAttribute("single-value"))));
        }
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("the connector schema " + file + " defines no attribute-type");
        }
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (Element c : elements(root, "class")) {
            String name = childText(c, "name");
            if (name == null) {
                continue;
            }
            List<String> attrs = new ArrayList<>();
            for (Element ref : elements(c, "attribute")) {
                String id = ref.getAttribute("ref").replaceFirst("^#", "");
                attrs.add(nameById.getOrDefault(id, id));
            }
            classes.put(name, List.copyOf(attrs));
        }
        return new DsmlSchema(List.copyOf(attributes), Map.copyOf(classes));
    }

    /** Elements named {@code local} with or without a namespace prefix ({@code dsml:class}). */
    private static List<Element> elements(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String n = e.getTagName();
            if (n.equals(local) || n.endsWith(":" + local)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String childText(Element e, String local) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c
                    && (c.getTagName().equals(local) || c.getTagName().endsWith(":" + local))) {
                return c.getTextContent().strip();
            }
        }
        return null;
    }
}
