package dev.joinery.expr.eval;

import dev.joinery.expr.Value;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bare named constants: {@code CRLF} ("Built-in constants and literals are expressed with only their
 * name: NULL, CRLF, IgnoreThisFlow") and the option names functions take ({@code vbTextCompare},
 * {@code CaseInsensitive}, {@code UTF8}, ...). An option used as a value is its own name as text.
 */
final class Constants {
    private Constants() {}

    private static final Map<String, Value> VALUES = new TreeMap<>();

    static {
        VALUES.put("CRLF", Value.of("\r\n"));
        VALUES.put("vbCrLf", Value.of("\r\n"));
        VALUES.put("vbCr", Value.of("\r"));
        VALUES.put("vbLf", Value.of("\n"));
        VALUES.put("vbTab", Value.of("\t"));
        for (String option : new String[] {
            "vbTextCompare", "vbBinaryCompare", "CaseInsensitive", "CaseSensitive", "UTF8", "Unicode", "ASCII"
        }) {
            VALUES.put(option, Value.of(option));
        }
    }

    /** The constant's value, or null when there is no such constant. */
    static Value value(String name) {
        return VALUES.get(name);
    }

    static String unknownMessage(String name) {
        String best = Suggest.closest(name, VALUES.keySet());
        return "unknown name " + name + (best != null ? "; did you mean " + best + "?" : "")
                + " (attributes are written [" + name + "], parameters %" + name + "%, functions " + name + "(...))";
    }
}
