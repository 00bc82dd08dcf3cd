package dev.joinery.engine.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes YAML scalars in the plainest style that reads back as the same text: plain when safe, else single-quoted,
 * double-quoted only for control characters; multi-line text in block context as a literal block.
 */
final class YamlText {
    private static final String PLAIN_FORBIDDEN_START = "-?:,[]{}#&*!|>'\"%@`= \t";
    /** Plain text inside {@code {...}}: a conservative set that never needs a second look. */
    private static final Pattern FLOW_PLAIN = Pattern.compile("[\\p{L}\\p{N} _.\\-/()@$+]*");

    private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final Pattern NUMBER_LIKE =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0[xXoObB][0-9a-fA-F_]+"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
    private static final Pattern SPECIAL_WORD =
            Pattern.compile("~|null|true|false|yes|no|on|off|y|n|<<", Pattern.CASE_INSENSITIVE);

    private YamlText() {}

    /**
     * One-line form of a scalar.
     *
     * @param flow whether it stands inside a flow collection ({@code {...}} or {@code [...]})
     */
    static String scalar(String s, boolean flow) {
        if (isPlainSafe(s, flow)) {
            return s;
        }
        if (hasControl(s, false)) {
            return doubleQuoted(s);
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * The value part after {@code key:} in block context: {@code " text"} on the same line, or a literal block
     * indented by {@code indent} spaces when the text has several lines.
     */
    static String blockValue(String s, int indent) {
        if (!s.contains("\n") || !literalSafe(s)) {
            return " " + scalar(s, false);
        }
        String body = s;
        String chomp = "-";
        if (s.endsWith("\n")) {
            body = s.substring(0, s.length() - 1);
            chomp = "";
        }
        String pad = " ".repeat(indent);
        StringBuilder b = new StringBuilder(" |").append(chomp);
        for (String line : body.split("\n", -1)) {
            b.append('\n');
            if (!line.isEmpty()) {
                b.append(pad).append(line);
            }
        }
        return b.toString();
    }

    private static boolean literalSafe(String s) {
        if (hasControl(s, true) || s.startsWith(" ") || s.startsWith("\n") || s.endsWith("\n\n") || s.isBlank()) {
            return false;
        }
        for (String line : s.split("\n", -1)) {
            if (line.endsWith(" ") || line.endsWith("\t") || line.startsWith("\t")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainSafe(String s, boolean flow) {
        if (s.isEmpty() || !s.equals(s.strip()) || hasControl(s, false) || s.indexOf('\t') >= 0) {
            return false;
        }
        if (PLAIN_FORBIDDEN_START.indexOf(s.charAt(0)) >= 0 || s.startsWith("...")) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
            return false;
        }
        if (flow && !FLOW_PLAIN.matcher(s).matches()) {
            return false;
        }
        if (SPECIAL_WORD.matcher(s).matches()) {
            return false;
        }
        return !NUMBER_LIKE.matcher(s).matches() || INTEGER.matcher(s).matches();
    }

    private static boolean hasControl(String s, boolean allowNewline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' && allowNewline || c == '\t') {
                continue;
            }
            if (c < 0x20
                    || c >= 0x7F && c < 0xA0
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\uFEFF'
                    || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20
                            || c == 0x7F
                            || c >= 0x80 && c < 0xA0
                            || c == '\u2028'
                            || c == '\u2029'
                            || c == '\uFEFF'
                            || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
