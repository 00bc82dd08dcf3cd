package dev.joinery.expr.eval;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Distinguished names of certificates as .NET writes them ({@code X500DistinguishedName.Name}, which is
 * {@code X509Certificate.Subject} and {@code Issuer}): the most specific part first, parts joined by
 * {@code ", "}, the values of a multi-valued part by {@code " + "}, attribute types by .NET's short names
 * ({@code CN}, {@code OU}, {@code O}, {@code L}, {@code S}, {@code C}, {@code E}, {@code DC}...) or
 * {@code OID.n.n.n} for others, and a value in double quotes (inner quotes doubled) when it is empty, starts
 * or ends with white space or holds one of {@code , + = " \n < > # ;}. Stateless and thread-safe.
 */
final class X500Names {
    private X500Names() {}

    static final String COMMON_NAME = "2.5.4.3";
    static final String ORGANIZATIONAL_UNIT = "2.5.4.11";
    static final String ORGANIZATION = "2.5.4.10";
    static final String EMAIL = "1.2.840.113549.1.9.1";

    /** .NET's friendly names of the attribute types it knows (OidLookup), by OID. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("2.5.4.6", "C"),
            Map.entry(COMMON_NAME, "CN"),
            Map.entry("0.9.2342.19200300.100.1.25", "DC"),
            Map.entry("2.5.4.13", "Description"),
            Map.entry("2.5.4.46", "dnQualifier"),
            Map.entry(EMAIL, "E"),
            Map.entry("2.5.4.42", "G"),
            Map.entry("2.5.4.43", "I"),
            Map.entry("2.5.4.7", "L"),
            Map.entry(ORGANIZATION, "O"),
            Map.entry(ORGANIZATIONAL_UNIT, "OU"),
            Map.entry("2.5.4.20", "Phone"),
            Map.entry("2.5.4.18", "POBox"),
            Map.entry("2.5.4.17", "PostalCode"),
            Map.entry("2.5.4.8", "S"),
            Map.entry("2.5.4.5", "SERIALNUMBER"),
            Map.entry("2.5.4.4", "SN"),
            Map.entry("2.5.4.9", "STREET"),
            Map.entry("2.5.4.12", "T"),
            Map.entry("2.5.4.24", "X21Address"));

    /** One attribute of a name; {@code text} is null when the value is not a character string. */
    record Attribute(String oid, String text, byte[] encodedValue) {}

    /** The parts (RDNs) of an encoded Name, as encoded: least specific first. */
    static List<List<Attribute>> parts(byte[] encodedName) {
        Der name = new Der(encodedName).next(Der.SEQUENCE).children();
        List<List<Attribute>> parts = new ArrayList<>();
        while (name.hasMore()) {
            Der set = name.next(Der.SET).children();
            List<Attribute> part = new ArrayList<>(1);
            while (set.hasMore()) {
                Der pair = set.next(Der.SEQUENCE).children();
                String oid = Der.oid(pair.next());
                Der.Element value = pair.next();
                part.add(new Attribute(oid, Der.string(value), value.encoded()));
            }
            parts.add(part);
        }
        return parts;
    }

    /** The .NET string form of an encoded Name. */
    static String format(byte[] encodedName) {
        List<List<Attribute>> parts = parts(encodedName);
        StringBuilder out = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (out.length() > 0) {
                out.append(", ");
            }
            List<Attribute> part = parts.get(i);
            for (int j = 0; j < part.size(); j++) {
                if (j > 0) {
                    out.append(" + ");
                }
                Attribute a = part.get(j);
                String label = LABELS.get(a.oid());
                out.append(label != null ? label : "OID." + a.oid()).append('=');
                String text = a.text() != null
                        ? a.text()
                        : "#" + HexFormat.of().withUpperCase().formatHex(a.encodedValue());
                if (needsQuotes(text)) {
                    out.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(text);
                }
            }
        }
        return out.toString();
    }

    /** The attributes with text values, most specific part first, as .NET's name lookups walk them. */
    static List<Attribute> reversed(byte[] encodedName) {
        List<List<Attribute>> parts = parts(encodedName);
        List<Attribute> out = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0; i--) {
            for (Attribute a : parts.get(i)) {
                if (a.text() != null) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static boolean needsQuotes(String v) {
        if (v.isEmpty() || quotableSpace(v.charAt(0)) || quotableSpace(v.charAt(v.length() - 1))) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            if (",+=\"\n<>#;".indexOf(v.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean quotableSpace(char c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    }
}
