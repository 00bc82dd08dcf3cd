package dev.joinery.engine.rules.aadc;

import dev.joinery.engine.rules.AttributeSchema;
import dev.joinery.engine.rules.ConnectorStub;
import dev.joinery.engine.rules.DirectorySchema;
import dev.joinery.engine.rules.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads a connector ({@code <ma-data>}) into a stub: name, kind ({@code ldap} for category AD, {@code graph} for
 * the Azure Active Directory connector), the GUID, the anchor, the selected partitions with their object classes
 * and container inclusions/exclusions, and the schema of the object types in scope: each type's DSML attributes
 * that are in the connector's attribute inclusion list (the attributes its connector space holds). No credential,
 * DirSync cookie or watermark is read.
 */
final class AadcConnectorReader {
    private AadcConnectorReader() {}

    static ConnectorStub read(Element ma) {
        String name = Xml.text(ma, "name").orElse("").trim();
        String category = Xml.text(ma, "category").orElse("").trim();
        String listName = Xml.text(ma, "ma-listname").orElse("") + " "
                + Xml.text(ma, "subtype").orElse("");
        String kind = category.equalsIgnoreCase("AD")
                ? "ldap"
                : listName.contains("Azure Active Directory") ? "graph" : category.toLowerCase(Locale.ROOT);
        String id = Xml.text(ma, "id").map(String::trim).orElse(null);
        String anchor = category.equalsIgnoreCase("AD")
                ? "objectGUID" // the AD connector's fixed anchor
                : Xml.descendant(ma, "importing")
                        .flatMap(i -> Xml.child(i, "anchor"))
                        .flatMap(a -> Xml.child(a, "attribute"))
                        .map(a -> a.getTextContent().trim())
                        .orElse(null);

        List<Partition> partitions = new ArrayList<>();
        Set<String> selectedTypes = new LinkedHashSet<>();
        Xml.child(ma, "ma-partition-data").ifPresent(data -> {
            for (Element p : Xml.children(data, "partition")) {
                if (!Xml.text(p, "selected").orElse("1").trim().equals("1")) {
                    continue;
                }
                Element filter = Xml.child(p, "filter").orElse(null);
                List<String> types = filter == null ? List.of() : texts(filter, "object-classes", "object-class");
                Element containers =
                        filter == null ? null : Xml.child(filter, "containers").orElse(null);
                List<String> inclusions = containers == null ? List.of() : texts(containers, "inclusions", "inclusion");
                List<String> exclusions = containers == null ? List.of() : texts(containers, "exclusions", "exclusion");
                partitions.add(new Partition(Xml.text(p, "name").orElse("").trim(), types, inclusions, exclusions));
                selectedTypes.addAll(types);
            }
        });

        Map<String, Map<String, AttributeSchema>> dsml = Xml.descendant(ma, "schema")
                .flatMap(s -> Xml.descendant(s, "directory-schema"))
                .map(s -> DsmlSchemaReader.read(s, selectedTypes.isEmpty() ? null : selectedTypes))
                .orElse(Map.of());
        Set<String> included = new LinkedHashSet<>(Xml.child(ma, "attribute-inclusion")
                .map(i -> texts(i, "attribute"))
                .orElse(List.of()));
        Map<String, Map<String, AttributeSchema>> types = new LinkedHashMap<>();
        for (String type : selectedTypes.isEmpty() ? dsml.keySet() : selectedTypes) {
            Map<String, AttributeSchema> attributes = new LinkedHashMap<>();
            dsml.getOrDefault(type, Map.of()).forEach((attr, schema) -> {
                if (included.isEmpty() || included.contains(attr)) {
                    attributes.put(attr, schema);
                }
            });
            types.put(type, attributes);
        }
        return new ConnectorStub(name, kind, id, anchor, partitions, new DirectorySchema(types));
    }

    private static List<String> texts(Element parent, String list, String item) {
        return Xml.child(parent, list).map(l -> texts(l, item)).orElse(List.of());
    }

    private static List<String> texts(Element parent, String item) {
        return Xml.children(parent, item).stream()
                .map(e -> e.getTextContent().trim())
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
