package dev.joinery.engine.rules.aadc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Compares two XML documents by meaning: element names, attributes, the order of child elements, and the text of
 * leaf elements with surrounding whitespace trimmed. Escaping ({@code &amp;} or a literal), indentation and
 * {@code <a/>} versus {@code <a></a>} do not matter.
 */
final class XmlSemantics {
    private XmlSemantics() {}

    /** The first difference, as a path and what differs, or null when the documents mean the same. */
    static String difference(Path expected, String actual) throws Exception {
        Element a = Xml.parse(expected);
        Element b = Xml.parse(new ByteArrayInputStream(actual.getBytes(StandardCharsets.UTF_8)));
        return difference(a, b, "/" + Xml.localName(a));
    }

    private static String difference(Element a, Element b, String path) {
        if (!Xml.localName(a).equals(Xml.localName(b))) {
            return path + ": element <" + Xml.localName(a) + "> became <" + Xml.localName(b) + ">";
        }
        if (!attributes(a).equals(attributes(b))) {
            return path + ": attributes " + attributes(a) + " became " + attributes(b);
        }
        List<Element> ca = Xml.children(a);
        List<Element> cb = Xml.children(b);
        if (ca.isEmpty() && cb.isEmpty()) {
            String ta = a.getTextContent().trim();
            String tb = b.getTextContent().trim();
            return ta.equals(tb) ? null : path + ": text '" + ta + "' became '" + tb + "'";
        }
        for (int i = 0; i < Math.max(ca.size(), cb.size()); i++) {
            if (i >= ca.size()) {
                return path + ": extra <" + Xml.localName(cb.get(i)) + "> at " + (i + 1);
            }
            if (i >= cb.size()) {
                return path + ": missing <" + Xml.localName(ca.get(i)) + "> at " + (i + 1);
            }
            String d = difference(ca.get(i), cb.get(i), path + "/" + Xml.localName(ca.get(i)) + "[" + (i + 1) + "]");
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> out = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            out.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
        }
        return out;
    }
}
