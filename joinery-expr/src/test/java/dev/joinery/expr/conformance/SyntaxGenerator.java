package dev.joinery.expr.conformance;

import dev.joinery.expr.ast.AstPrinter;
import dev.joinery.expr.eval.CompiledExpression;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random expression text, for the parser fuzz test: well-formed text from a small grammar (calls of the
 * library's functions with random arities, strings with escapes, decimal and hexadecimal numbers, attributes
 * with hyphens, parameters, variables, every operator, nesting, newlines), and malformed text made from it by
 * truncation, token insertion and deletion, or from random characters.
 */
final class SyntaxGenerator {
    private static final List<String> FUNCTIONS = CompiledExpression.functionNames();
    private static final String[] OPERATORS = {"||", "&&", "=", "<>", "<", "<=", ">", ">=", "&", "+", "-", "*", "/"};
    private static final String[] ATTRIBUTES = {
        "cn", "mS-DS-ConsistencyGuid", "msRTCSIP-OriginatorSid", "proxyAddresses", "dn", "x", "a b"
    };
    private static final String[] PARAMETERS = {"Domain.FQDN", "Forest.LDAP", "Connector.ID", "Undefined"};
    private static final String[] WORDS = {
        "True",
        "False",
        "NULL",
        "Nothing",
        "AuthoritativeNull",
        "IgnoreThisFlow",
        "CRLF",
        "vbTextCompare",
        "vbBinaryCompare",
        "CaseInsensitive",
        "UTF8",
        "true",
        "null",
        "Unknown"
    };
    /** String literals as authors write them: doubled quotes, unknown escapes, the shipped "\\0ACNF:". */
    private static final String[] RAW_STRINGS = {
        "\"a\"\"b\"", "\"\\\\0ACNF:\"", "\"a\\qb\"", "\"tab\\there\"", "\"\"", "\"line\nbreak\"", "\"\\\"\""
    };

    private static final String[] SPACES = {"", "", "", " ", " ", "  ", "\n", "\r\n  ", "\t", "\u00A0"};
    private static final String[] JUNK = {
        "(",
        ")",
        ",",
        "\"",
        "[",
        "]",
        "%",
        "$",
        "&",
        "&H",
        "&HZ",
        "|",
        "||",
        "=",
        "==",
        "!",
        "!=",
        "<",
        ">",
        "-",
        "*",
        "/",
        "\\",
        ".",
        "1.5",
        "9999999999999999999",
        "&H11112222333344445",
        "\u201C",
        "\u201D",
        "And",
        "Or",
        "Not",
        "Mod",
        "IIF",
        "iif",
        "Trimm",
        "@",
        "#",
        "'",
        ";",
        "{",
        "}",
        "\u0000",
        "\uD83D\uDE00",
        "\uD800"
    };

    private SyntaxGenerator() {}

    /** Well-formed text: it may still name an unknown function or call one with the wrong arity. */
    static String wellFormed(SplittableRandom r, int depth) {
        StringBuilder out = new StringBuilder();
        expression(r, depth, out);
        return out.toString();
    }

    private static void expression(SplittableRandom r, int depth, StringBuilder out) {
        int terms = depth <= 0 ? 1 : 1 + (r.nextInt(3) == 0 ? r.nextInt(4) : 0);
        for (int i = 0; i < terms; i++) {
            if (i > 0) {
                out.append(space(r))
                        .append(OPERATORS[r.nextInt(OPERATORS.length)])
                        .append(space(r));
            }
            term(r, depth - 1, out);
        }
    }

    private static void term(SplittableRandom r, int depth, StringBuilder out) {
        int choice = depth <= 0 ? r.nextInt(7) : r.nextInt(11);
        switch (choice) {
            case 0 -> out.append(AstPrinter.quote(randomText(r)));
            case 1 -> out.append(number(r));
            case 2 ->
                out.append('[').append(ATTRIBUTES[r.nextInt(ATTRIBUTES.length)]).append(']');
            case 3 ->
                out.append('%').append(PARAMETERS[r.nextInt(PARAMETERS.length)]).append('%');
            case 4 -> out.append(WORDS[r.nextInt(WORDS.length)]);
            case 5 -> out.append(RAW_STRINGS[r.nextInt(RAW_STRINGS.length)]);
            case 6 -> out.append("$item");
            case 7, 8 -> call(r, depth, out);
            case 9 -> {
                out.append('(').append(space(r));
                expression(r, depth, out);
                out.append(space(r)).append(')');
            }
            default -> {
                out.append('-');
                term(r, depth - 1, out);
            }
        }
    }

    private static void call(SplittableRandom r, int depth, StringBuilder out) {
        String name = r.nextInt(20) == 0 ? "Nonexistent" : FUNCTIONS.get(r.nextInt(FUNCTIONS.size()));
        int arity = r.nextInt(5);
        out.append(name).append('(');
        if ((name.equals("With") || name.equals("Select") || name.equals("Where")) && r.nextBoolean()) {
            out.append("$item,").append(space(r));
            arity = 2;
        }
        for (int i = 0; i < arity; i++) {
            if (i > 0) {
                out.append(',').append(space(r));
            }
            expression(r, depth - 1, out);
        }
        out.append(')');
    }

    /** A decimal or hexadecimal literal, sometimes at the edges of 64 bits. */
    static String number(SplittableRandom r) {
        switch (r.nextInt(8)) {
            case 0:
                return "&H" + Long.toHexString(r.nextLong()).toUpperCase(java.util.Locale.ROOT);
            case 1:
                return "&H" + Integer.toHexString(r.nextInt(4096));
            case 2:
                return Long.toString(r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE + 1);
            case 3:
                return Long.toString(r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
            default:
                return Integer.toString(r.nextInt(-5, 60));
        }
    }

    /** Text with the characters expressions and directories care about: escapes, quotes, non-BMP, DN syntax. */
    static String randomText(SplittableRandom r) {
        String pool = "abcXYZ019 ,:;@=-_.\\\"'\t\r\n{}()[]%$&äöÅ’ß\u00A0";
        int n = r.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (r.nextInt(25) == 0) {
                s.append("\uD83D\uDE00");
            } else {
                s.append(pool.charAt(r.nextInt(pool.length())));
            }
        }
        return s.toString();
    }

    private static String space(SplittableRandom r) {
        return SPACES[r.nextInt(SPACES.length)];
    }

    /** Text that is usually not well-formed: a mutated well-formed text, or random characters. */
    static String malformed(SplittableRandom r) {
        String base = wellFormed(r, 3);
        switch (r.nextInt(5)) {
            case 0:
                return base.substring(0, r.nextInt(base.length() + 1));
            case 1: {
                int at = r.nextInt(base.length() + 1);
                return base.substring(0, at) + JUNK[r.nextInt(JUNK.length)] + base.substring(at);
            }
            case 2: {
                int from = r.nextInt(base.length() + 1);
                int to = Math.min(base.length(), from + 1 + r.nextInt(4));
                return base.substring(0, from) + base.substring(to);
            }
            case 3: {
                StringBuilder s = new StringBuilder(base);
                for (int i = 0; i < 1 + r.nextInt(3); i++) {
                    s.insert(r.nextInt(s.length() + 1), JUNK[r.nextInt(JUNK.length)]);
                }
                return s.toString();
            }
            default: {
                StringBuilder s = new StringBuilder();
                int n = r.nextInt(40);
                for (int i = 0; i < n; i++) {
                    s.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x10000) : r.nextInt(0x20, 0x7F)));
                }
                return s.toString();
            }
        }
    }
}
