package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.Param.OPTION;
import static dev.joinery.expr.eval.Param.SCALAR;

import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Directory functions. A component's value is returned as it is written in the DN, escapes included, so
 * that the shipped {@code InStr(DNComponent(CRef([dn]),1),"\\0ACNF:")} finds AD's conflict marker.
 */
final class DirectoryFunctions {
    private DirectoryFunctions() {}

    private static final String CATEGORY = "Directory";

    static void register(FunctionLibrary.Builder b) {
        b.function("DNComponent", CATEGORY, "str DNComponent(ref dn, num ComponentNumber)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    String rdn = component(Coerce.ref(s, 0, a[0]), Coerce.num(s, 1, a[1]));
                    return rdn == null ? Value.NULL : Value.of(valueOf(rdn));
                });
        b.function("DNComponentRev", CATEGORY, "str DNComponentRev(ref dn, num ComponentNumber[, enum Options])")
                .args(SCALAR, SCALAR)
                .optional(OPTION)
                .validate(s -> s.argCount() < 3 || s.options[2].equalsIgnoreCase("DC")
                        ? null
                        : new FunctionSpec.Problem(
                                2, "the only option is \"DC\" (ignore all components with dc=), not " + s.options[2]))
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    List<String> rdns = split(Coerce.ref(s, 0, a[0]));
                    if (a.length > 2) {
                        rdns.removeIf(r -> typeOf(r).equalsIgnoreCase("dc"));
                    }
                    long n = Coerce.num(s, 1, a[1]);
                    return n < 1 || n > rdns.size() ? Value.NULL : Value.of(valueOf(rdns.get(rdns.size() - (int) n)));
                });
        // "EscapeDNComponent(\"cn=\" & [displayName])": escapes the value after the first '=' (RFC 4514).
        b.function("EscapeDNComponent", CATEGORY, "str EscapeDNComponent(str value)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull() ? Value.NULL : Value.of(escapeComponent(Coerce.str(s, 0, a[0]))));
    }

    /** The n-th RDN (1-based) from the left, trimmed, or null; scans only as far as it must. */
    static String component(String dn, long n) {
        if (n < 1) {
            return null;
        }
        long index = 1;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if ((c == ',' || c == ';') && !quoted) {
                if (index == n) {
                    return dn.substring(start, i).strip();
                }
                index++;
                start = i + 1;
            }
        }
        return index == n && !dn.isEmpty() ? dn.substring(start).strip() : null;
    }

    /** The RDNs of a DN, split at commas that are neither escaped nor quoted, each trimmed. */
    static List<String> split(String dn) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (c == '\\' && i + 1 < dn.length()) {
                current.append(c).append(dn.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if ((c == ',' || c == ';') && !quoted) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0 || !out.isEmpty()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String typeOf(String rdn) {
        int eq = rdn.indexOf('=');
        return eq < 0 ? "" : rdn.substring(0, eq).strip().toLowerCase(Locale.ROOT);
    }

    private static String valueOf(String rdn) {
        int eq = rdn.indexOf('=');
        return eq < 0 ? rdn : rdn.substring(eq + 1).strip();
    }

    static String escapeComponent(String component) {
        int eq = component.indexOf('=');
        String prefix = eq < 0 ? "" : component.substring(0, eq + 1);
        String value = eq < 0 ? component : component.substring(eq + 1);
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean special = ",+\"\\<>;=".indexOf(c) >= 0
                    || (i == 0 && (c == ' ' || c == '#'))
                    || (i == value.length() - 1 && c == ' ');
            if (c == 0) {
                out.append("\\00");
                continue;
            }
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
