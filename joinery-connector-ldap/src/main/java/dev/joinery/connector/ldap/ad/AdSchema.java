package dev.joinery.connector.ldap.ad;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.AttributeUsage;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassType;
import com.unboundid.ldap.sdk.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Active Directory's schema (the Windows Server v1803 attribute and class definitions, as Samba ships them) turned
 * into an UnboundID {@link Schema} for an in-memory directory server, plus the few Exchange attributes the
 * account/resource forest scenario needs (Exchange adds them to {@code mailRecipient}).
 *
 * <p>AD differs from LDAP schema rules in ways an in-memory server cannot follow, so: attribute syntaxes map to
 * their LDAP equivalents (SIDs, GUIDs and security descriptors to octet strings, large integers to integers);
 * auxiliary classes (securityPrincipal, mailRecipient, ...) are folded into the classes that name them, as optional
 * attributes; and the musts the directory itself maintains (objectCategory, nTSecurityDescriptor, instanceType) are
 * optional. Stateless.
 */
public final class AdSchema {

    private static final String OCTETS = "1.3.6.1.4.1.1466.115.121.1.40";
    private static final String INTEGER = "1.3.6.1.4.1.1466.115.121.1.27";
    private static final String BOOLEAN = "1.3.6.1.4.1.1466.115.121.1.7";
    private static final String STRING = "1.3.6.1.4.1.1466.115.121.1.15";
    private static final String DN = "1.3.6.1.4.1.1466.115.121.1.12";
    private static final String TIME = "1.3.6.1.4.1.1466.115.121.1.24";
    private static final String UTC_TIME = "1.3.6.1.4.1.1466.115.121.1.53";
    private static final String OID = "1.3.6.1.4.1.1466.115.121.1.38";
    /** The Exchange attributes added to mailRecipient: name, OID, LDAP syntax OID, single-valued. */
    private static final List<String[]> EXCHANGE = List.of(
            new String[] {"mailNickname", "1.2.840.113556.1.2.447", "1.3.6.1.4.1.1466.115.121.1.15", "true"},
            new String[] {"msExchMasterAccountSid", "1.2.840.113556.1.4.7000.102.50", OCTETS, "true"},
            new String[] {"msExchRecipientTypeDetails", "1.2.840.113556.1.4.7000.102.50.1", INTEGER, "true"},
            new String[] {"msExchRecipientDisplayType", "1.2.840.113556.1.4.7000.102.50.2", INTEGER, "true"},
            new String[] {"msExchHideFromAddressLists", "1.2.840.113556.1.4.7000.102.50.3", BOOLEAN, "true"});

    private static final Set<String> MAINTAINED = Set.of("objectcategory", "ntsecuritydescriptor", "instancetype");

    private AdSchema() {}

    /**
     * The schema from {@code folder} (holding {@code AD_DS_Attributes__Windows_Server_v1803.ldf} and
     * {@code AD_DS_Classes__Windows_Server_v1803.ldf}).
     *
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Schema load(Path folder) {
        return load(folder, null);
    }

    /**
     * The schema from {@code folder} plus every attribute the Azure AD Connect AD connector's schema in
     * {@code connectorXml} (a {@code Connector_{...}.xml} of an export, its DSML {@code directory-schema}) knows
     * and the AD files do not (the Exchange attributes), each added to the classes that list it there.
     *
     * @param connectorXml null for the few built-in Exchange attributes only
     * @throws UncheckedIOException when a file cannot be read
     * @throws IllegalArgumentException when {@code connectorXml} holds no DSML schema
     */
    public static Schema load(Path folder, Path connectorXml) {
        List<Map<String, List<String>>> attributes =
                records(folder.resolve("AD_DS_Attributes__Windows_Server_v1803.ldf"));
        List<Map<String, List<String>>> classes = records(folder.resolve("AD_DS_Classes__Windows_Server_v1803.ldf"));
        List<String> types = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (Map<String, List<String>> a : attributes) {
            String name = one(a, "lDAPDisplayName");
            String oid = one(a, "attributeID");
            if (name == null || oid == null) {
                continue;
            }
            known.add(name.toLowerCase(Locale.ROOT));
            types.add(attributeType(name, oid, syntax(one(a, "attributeSyntax"), one(a, "oMSyntax")), single(a))
                    .toString());
        }
        for (String[] x : EXCHANGE) {
            types.add(
                    attributeType(x[0], x[1], x[2], Boolean.parseBoolean(x[3])).toString());
            known.add(x[0].toLowerCase(Locale.ROOT));
        }
        DsmlSchema dsml = connectorXml == null ? DsmlSchema.EMPTY : DsmlSchema.read(connectorXml);
        int extra = 0;
        for (DsmlSchema.AttributeType a : dsml.attributes()) {
            if (known.add(a.name().toLowerCase(Locale.ROOT))) {
                // DSML carries no OIDs: these come from RFC 5612's documentation arc.
                types.add(attributeType(a.name(), "1.3.6.1.4.1.32473.1." + ++extra, dsmlSyntax(a.syntax()), a.single())
                        .toString());
            }
        }
        for (String[] op : new String[][] {
            {"entryUUID", "1.3.6.1.1.16.4", "1.3.6.1.1.16.1"},
            {"entryDN", "1.3.6.1.1.20", DN},
            {"creatorsName", "2.5.18.3", DN},
            {"modifiersName", "2.5.18.4", DN},
            {"subschemaSubentry", "2.5.18.10", DN}
        }) {
            if (known.add(op[0].toLowerCase(Locale.ROOT))) {
                types.add(new AttributeTypeDefinition(
                                op[1],
                                new String[] {op[0]},
                                null,
                                false,
                                null,
                                op[0].equals("entryUUID") ? "uuidMatch" : "distinguishedNameMatch",
                                null,
                                null,
                                op[2],
                                true,
                                false,
                                true,
                                AttributeUsage.DIRECTORY_OPERATION,
                                null)
                        .toString());
            }
        }

        Map<String, Map<String, List<String>>> byName = new LinkedHashMap<>();
        for (Map<String, List<String>> c : classes) {
            String name = one(c, "lDAPDisplayName");
            if (name != null) {
                byName.put(name.toLowerCase(Locale.ROOT), c);
            }
        }
        Map<String, List<String>> mailRecipient = byName.get("mailrecipient");
        List<String> mailMay = new ArrayList<>(mailRecipient.getOrDefault("mayContain", List.of()));
        EXCHANGE.forEach(x -> mailMay.add(x[0]));
        mailRecipient.put("mayContain", mailMay);
        dsml.classes().forEach((name, attrs) -> {
            Map<String, List<String>> c = byName.get(name.toLowerCase(Locale.ROOT));
            if (c != null) {
                List<String> may = new ArrayList<>(c.getOrDefault("mayContain", List.of()));
                may.addAll(attrs);
                c.put("mayContain", may);
            }
        });

        List<String> objectClasses = new ArrayList<>();
        for (Map<String, List<String>> c : byName.values()) {
            String name = one(c, "lDAPDisplayName");
            String sup = one(c, "subClassOf");
            Set<String> must = new LinkedHashSet<>();
            Set<String> may = new LinkedHashSet<>();
            for (String m : concat(c, "mustContain", "systemMustContain")) {
                if (MAINTAINED.contains(m.toLowerCase(Locale.ROOT))) {
                    may.add(m);
                } else {
                    must.add(m);
                }
            }
            may.addAll(concat(c, "mayContain", "systemMayContain"));
            for (String aux : concat(c, "auxiliaryClass", "systemAuxiliaryClass")) {
                auxiliaryAttributes(byName, aux, may, new LinkedHashSet<>());
            }
            must.removeIf(m -> !known.contains(m.toLowerCase(Locale.ROOT)));
            may.removeIf(m -> !known.contains(m.toLowerCase(Locale.ROOT)) || must.contains(m));
            ObjectClassType type =
                    switch (one(c, "objectClassCategory")) {
                        case "2" -> ObjectClassType.ABSTRACT;
                        case "3" -> ObjectClassType.AUXILIARY;
                        default -> ObjectClassType.STRUCTURAL;
                    };
            objectClasses.add(new ObjectClassDefinition(
                            one(c, "governsID"),
                            new String[] {name},
                            null,
                            false,
                            sup == null || sup.equalsIgnoreCase(name) ? null : new String[] {sup},
                            type,
                            must.toArray(String[]::new),
                            may.toArray(String[]::new),
                            null)
                    .toString());
        }
        Entry entry = new Entry("cn=schema");
        entry.addAttribute("objectClass", "top", "ldapSubentry", "subschema");
        entry.addAttribute("cn", "schema");
        entry.addAttribute("attributeTypes", types);
        entry.addAttribute("objectClasses", objectClasses);
        return new Schema(entry);
    }

    private static void auxiliaryAttributes(
            Map<String, Map<String, List<String>>> byName, String aux, Set<String> into, Set<String> seen) {
        Map<String, List<String>> c = byName.get(aux.toLowerCase(Locale.ROOT));
        if (c == null || !seen.add(aux.toLowerCase(Locale.ROOT))) {
            return;
        }
        into.addAll(concat(c, "mustContain", "systemMustContain"));
        into.addAll(concat(c, "mayContain", "systemMayContain"));
        for (String more : concat(c, "auxiliaryClass", "systemAuxiliaryClass")) {
            auxiliaryAttributes(byName, more, into, seen);
        }
        String sup = one(c, "subClassOf");
        if (sup != null && !sup.equalsIgnoreCase("top")) {
            auxiliaryAttributes(byName, sup, into, seen);
        }
    }

    private static AttributeTypeDefinition attributeType(String name, String oid, String syntax, boolean single) {
        String equality;
        String ordering = null;
        String substring = null;
        switch (syntax) {
            case OCTETS -> equality = "octetStringMatch";
            case INTEGER -> {
                equality = "integerMatch";
                ordering = "integerOrderingMatch";
            }
            case BOOLEAN -> equality = "booleanMatch";
            case DN -> equality = "distinguishedNameMatch";
            case TIME, UTC_TIME -> {
                equality = "generalizedTimeMatch";
                ordering = "generalizedTimeOrderingMatch";
            }
            case OID -> equality = "objectIdentifierMatch";
            default -> {
                equality = "caseIgnoreMatch";
                ordering = "caseIgnoreOrderingMatch";
                substring = "caseIgnoreSubstringsMatch";
            }
        }
        return new AttributeTypeDefinition(
                oid,
                new String[] {name},
                null,
                false,
                null,
                equality,
                ordering,
                substring,
                syntax.equals(UTC_TIME) ? TIME : syntax,
                single,
                false,
                false,
                AttributeUsage.USER_APPLICATIONS,
                null);
    }

    /** The LDAP syntax the in-memory server uses for a DSML syntax (LDAP or AD syntax OIDs). */
    private static String dsmlSyntax(String syntax) {
        return switch (syntax) {
            case OCTETS, "1.2.840.113556.1.4.907" -> OCTETS;
            case INTEGER, "1.2.840.113556.1.4.906" -> INTEGER;
            case BOOLEAN, DN, TIME, OID -> syntax;
            case UTC_TIME -> TIME;
            default -> STRING;
        };
    }

    /** The LDAP syntax of an AD attributeSyntax (and oMSyntax where it decides). */
    static String syntax(String attributeSyntax, String omSyntax) {
        if (attributeSyntax == null) {
            return STRING;
        }
        return switch (attributeSyntax) {
            case "2.5.5.1" -> DN;
            case "2.5.5.2" -> OID;
            case "2.5.5.8" -> BOOLEAN;
            case "2.5.5.9", "2.5.5.16" -> INTEGER;
            case "2.5.5.10", "2.5.5.15", "2.5.5.17" -> OCTETS;
            case "2.5.5.11" -> "23".equals(omSyntax) ? UTC_TIME : TIME;
            default -> STRING;
        };
    }

    private static boolean single(Map<String, List<String>> a) {
        return "TRUE".equalsIgnoreCase(one(a, "isSingleValued"));
    }

    private static List<String> concat(Map<String, List<String>> record, String... names) {
        List<String> all = new ArrayList<>();
        for (String n : names) {
            all.addAll(record.getOrDefault(n, List.of()));
        }
        return all;
    }

    private static String one(Map<String, List<String>> record, String name) {
        List<String> v = record.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The records of an LDIF file: blank-line separated, comments skipped, folded lines joined. */
    static List<Map<String, List<String>>> records(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AD schema file " + file, e);
        }
        List<Map<String, List<String>>> records = new ArrayList<>();
        Map<String, List<String>> current = new LinkedHashMap<>();
        String last = null;
        for (String raw : text.split("\r?\n", -1)) {
            if (raw.isEmpty()) {
                if (!current.isEmpty()) {
                    records.add(current);
                    current = new LinkedHashMap<>();
                }
                last = null;
                continue;
            }
            if (raw.startsWith("#")) {
                continue;
            }
            if (raw.startsWith(" ") && last != null) {
                List<String> values = current.get(last);
                values.set(values.size() - 1, values.get(values.size() - 1) + raw.substring(1));
                continue;
            }
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = raw.substring(0, colon);
            String value = raw.substring(colon + 1);
            if (value.startsWith(":")) {
                value = "";
            }
            current.computeIfAbsent(name, k -> new ArrayList<>()).add(value.strip());
            last = name;
        }
        if (!current.isEmpty()) {
            records.add(current);
        }
        return records;
    }
}
