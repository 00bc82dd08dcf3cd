package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.DITContentRuleDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.Schema;
import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.ConnectorSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a server's subschema into the SPI's {@link ConnectorSchema}: the configured object types with the
 * attributes their classes (with superclasses and the auxiliary classes of their DIT content rules) may hold,
 * each typed by its syntax. Stateless.
 */
public final class LdapSchemaReader {
    /** Attributes that hold bytes whatever syntax a server declares for them. */
    static final Set<String> ALWAYS_BINARY = Set.of(
            "objectguid",
            "objectsid",
            "sidhistory",
            "msexchmasteraccountsid",
            "msexchmailboxguid",
            "msexcharchiveguid",
            "usercertificate",
            "usersmimecertificate",
            "cacertificate",
            "thumbnailphoto",
            "jpegphoto",
            "photo",
            "msds-keycredentiallink-bl",
            "ntsecuritydescriptor",
            "unicodepwd",
            "userpassword");

    private LdapSchemaReader() {}

    /** The SPI type of values of a syntax (RFC 4517 OID, or an AD attributeSyntax 2.5.5.x). */
    public static AttributeType typeOfSyntax(String syntaxOid) {
        if (syntaxOid == null) {
            return AttributeType.STRING;
        }
        String oid = syntaxOid.replaceFirst("\\{\\d+}$", "");
        return switch (oid) {
            case "1.3.6.1.4.1.1466.115.121.1.40", // Octet String
                    "1.3.6.1.4.1.1466.115.121.1.5", // Binary
                    "1.3.6.1.4.1.1466.115.121.1.8", // Certificate
                    "1.3.6.1.4.1.1466.115.121.1.9", // Certificate List
                    "1.3.6.1.4.1.1466.115.121.1.10", // Certificate Pair
                    "1.3.6.1.4.1.1466.115.121.1.28", // JPEG
                    "1.3.6.1.4.1.1466.115.121.1.49", // Supported Algorithm
                    "1.2.840.113556.1.4.907", // NT security descriptor
                    "2.5.5.10", // AD OctetString
                    "2.5.5.17", // AD SID
                    "2.5.5.15" -> AttributeType.BINARY; // AD NT security descriptor
            case "1.3.6.1.4.1.1466.115.121.1.27", "1.2.840.113556.1.4.906", "2.5.5.9", "2.5.5.16" ->
                AttributeType.INTEGER;
            case "1.3.6.1.4.1.1466.115.121.1.7", "2.5.5.8" -> AttributeType.BOOLEAN;
            case "1.3.6.1.4.1.1466.115.121.1.12", "2.5.5.1" -> AttributeType.REFERENCE;
            case "1.3.6.1.4.1.1466.115.121.1.24", "1.3.6.1.4.1.1466.115.121.1.53", "2.5.5.11" ->
                AttributeType.TIMESTAMP;
            default -> AttributeType.STRING;
        };
    }

    /** Every attribute type of the schema by lower-case name (all its names), typed. */
    public static Map<String, ConnectorSchema.Attribute> attributes(Schema schema) {
        Map<String, ConnectorSchema.Attribute> byName = new TreeMap<>();
        if (schema == null) {
            return byName;
        }
        for (AttributeTypeDefinition d : schema.getAttributeTypes()) {
            String syntax = d.getSyntaxOID(schema);
            for (String name : d.getNames()) {
                String key = name.toLowerCase(Locale.ROOT);
                AttributeType type = ALWAYS_BINARY.contains(key) ? AttributeType.BINARY : typeOfSyntax(syntax);
                byName.put(key, new ConnectorSchema.Attribute(name, type, !d.isSingleValued()));
            }
        }
        return byName;
    }

    /**
     * The connector schema of the configured types. {@code inScope} limits the attributes when non-empty; the
     * anchor attribute is always there.
     */
    public static ConnectorSchema read(
            Schema schema,
            List<LdapConnectorConfig.ObjectTypeConfig> types,
            List<String> inScope,
            String anchorAttribute) {
        Map<String, ConnectorSchema.Attribute> all = attributes(schema);
        Set<String> wanted = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        wanted.addAll(inScope);
        List<ConnectorSchema.ObjectType> out = new ArrayList<>();
        for (LdapConnectorConfig.ObjectTypeConfig t : types) {
            Map<String, ConnectorSchema.Attribute> attrs = new LinkedHashMap<>();
            ObjectClassDefinition oc = schema == null ? null : schema.getObjectClass(t.objectClass());
            List<ObjectClassDefinition> classes = new ArrayList<>();
            if (oc != null) {
                classes.add(oc);
                classes.addAll(oc.getSuperiorClasses(schema, true));
                DITContentRuleDefinition rule = schema.getDITContentRule(oc.getOID());
                if (rule != null) {
                    for (String aux : rule.getAuxiliaryClasses()) {
                        ObjectClassDefinition a = schema.getObjectClass(aux);
                        if (a != null) {
                            classes.add(a);
                            classes.addAll(a.getSuperiorClasses(schema, true));
                        }
                    }
                    add(attrs, all, List.of(rule.getRequiredAttributes()));
                    add(attrs, all, List.of(rule.getOptionalAttributes()));
                }
            }
            for (String name : t.createObjectClasses()) {
                ObjectClassDefinition c = schema == null ? null : schema.getObjectClass(name);
                if (c != null && !classes.contains(c)) {
                    classes.add(c);
                }
            }
            for (ObjectClassDefinition c : classes) {
                add(attrs, all, List.of(c.getRequiredAttributes()));
                add(attrs, all, List.of(c.getOptionalAttributes()));
            }
            if (!wanted.isEmpty()) {
                attrs.keySet().removeIf(k -> !wanted.contains(k));
            }
            ConnectorSchema.Attribute anchor = all.get(anchorAttribute.toLowerCase(Locale.ROOT));
            attrs.put(
                    anchorAttribute.toLowerCase(Locale.ROOT),
                    new ConnectorSchema.Attribute(
                            anchor == null ? anchorAttribute : anchor.name(),
                            anchorAttribute.equalsIgnoreCase("objectGUID")
                                    ? AttributeType.BINARY
                                    : AttributeType.STRING,
                            false));
            out.add(new ConnectorSchema.ObjectType(t.name(), anchorAttribute, List.copyOf(attrs.values())));
        }
        return new ConnectorSchema(out);
    }

    private static void add(
            Map<String, ConnectorSchema.Attribute> into,
            Map<String, ConnectorSchema.Attribute> all,
            List<String> names) {
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            ConnectorSchema.Attribute a = all.get(key);
            into.putIfAbsent(key, a != null ? a : new ConnectorSchema.Attribute(name, AttributeType.STRING, true));
        }
    }
}
