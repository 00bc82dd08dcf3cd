package dev.joinery.engine.rules.aadc;

import dev.joinery.engine.rules.AttributeSchema;
import dev.joinery.engine.rules.AttributeType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3c.dom.Element;

/**
 * Reads a DSML {@code directory-schema} as Azure AD Connect exports it: {@code attribute-type}s (id, name, syntax,
 * {@code single-value}), {@code class}es with their attribute references and {@code superior}, and, for AD, the
 * Microsoft {@code dit-content-rule}s that add attributes and auxiliary classes to a class. A class's attributes
 * are its own, its superiors', its content rule's and its auxiliary classes' (with their superiors).
 */
final class DsmlSchemaReader {
    private final Map<String, AttributeSchema> attributeTypes = new HashMap<>();
    private final Map<String, Element> classes = new LinkedHashMap<>();
    private final Map<String, Element> contentRules = new HashMap<>();

    private DsmlSchemaReader(Element directorySchema) {
        for (Element e : Xml.children(directorySchema)) {
            switch (Xml.localName(e)) {
                case "attribute-type" -> {
                    String name = Xml.text(e, "name").orElse("").trim();
                    if (!name.isEmpty()) {
                        AttributeType type =
                                typeOf(Xml.text(e, "syntax").orElse("").trim());
                        boolean single = "true".equalsIgnoreCase(e.getAttribute("single-value"));
                        attributeTypes.put(e.getAttribute("id"), new AttributeSchema(name, type, !single));
                    }
                }
                case "class" -> classes.put(e.getAttribute("id"), e);
                case "dit-content-rule" -> contentRules.put(e.getAttribute("id"), e);
                default -> {
                    // other DSML elements carry nothing rules need
                }
            }
        }
    }

    /** Class name to its attributes, sorted by name (case-insensitive). */
    static Map<String, Map<String, AttributeSchema>> read(Element directorySchema) {
        return read(directorySchema, null);
    }

    /**
     * @param only the class names wanted, or null for all
     */
    static Map<String, Map<String, AttributeSchema>> read(Element directorySchema, Set<String> only) {
        DsmlSchemaReader r = new DsmlSchemaReader(directorySchema);
        Map<String, Map<String, AttributeSchema>> out = new LinkedHashMap<>();
        r.classes.forEach((id, e) -> {
            if (only != null && !only.contains(Xml.text(e, "name").orElse(id).trim())) {
                return;
            }
            Map<String, AttributeSchema> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            r.collect(id, new HashSet<>(), attributes);
            out.put(Xml.text(e, "name").orElse(id).trim(), new LinkedHashMap<>(attributes));
        });
        return out;
    }

    private void collect(String classId, Set<String> visited, Map<String, AttributeSchema> into) {
        if (!visited.add(classId)) {
            return;
        }
        Element cls = classes.get(classId);
        if (cls != null) {
            addAttributes(cls, into);
            String superior = cls.getAttribute("superior");
            if (!superior.isEmpty()) {
                collect(ref(superior), visited, into);
            }
        }
        Element rule = contentRules.get(classId);
        if (rule != null) {
            addAttributes(rule, into);
            for (Element aux : Xml.children(rule, "aux-class")) {
                collect(ref(aux.getAttribute("ref")), visited, into);
            }
        }
    }

    private void addAttributes(Element owner, Map<String, AttributeSchema> into) {
        for (Element a : Xml.children(owner, "attribute")) {
            AttributeSchema type = attributeTypes.get(ref(a.getAttribute("ref")));
            if (type != null) {
                into.putIfAbsent(type.name(), type);
            }
        }
    }

    private static String ref(String text) {
        return text.startsWith("#") ? text.substring(1) : text;
    }

    /** LDAP and AD syntax OIDs to value types; anything not listed is text. */
    static AttributeType typeOf(String syntax) {
        switch (syntax) {
            case "1.3.6.1.4.1.1466.115.121.1.7":
                return AttributeType.BOOLEAN;
            case "1.3.6.1.4.1.1466.115.121.1.27":
            case "1.2.840.113556.1.4.906":
                return AttributeType.INTEGER;
            case "1.3.6.1.4.1.1466.115.121.1.5":
            case "1.3.6.1.4.1.1466.115.121.1.40":
            case "1.2.840.113556.1.4.907":
                return AttributeType.BINARY;
            case "1.3.6.1.4.1.1466.115.121.1.12":
                return AttributeType.REFERENCE;
            default:
                return AttributeType.STRING;
        }
    }
}
