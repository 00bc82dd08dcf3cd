package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.Param.OPTION;
import static dev.joinery.expr.eval.Param.SCALAR;

import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.Value;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The Text functions. Positions are 1-based. {@code Left}, {@code Right}, {@code Mid} and {@code Len} also
 * work on binary values, by byte, because Microsoft's shipped device rules slice key blobs with them.
 */
final class TextFunctions {
    private TextFunctions() {}

    private static final String CATEGORY = "Text";

    static void register(FunctionLibrary.Builder b) {
        b.function("Guid", CATEGORY, "str Guid()").args().strict((s, a, f) -> {
            long hi = (f.context.random().nextLong() & ~0xF000L) | 0x4000L;
            long lo = (f.context.random().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return Value.of(new UUID(hi, lo).toString());
        });
        b.function("InStr", CATEGORY, "num InStr(str stringcheck, str stringmatch[, num start[, enum compare]])")
                .args(SCALAR, SCALAR)
                .optional(SCALAR, OPTION)
                .validate(s -> compareOption(s, 3))
                .strict((s, a, f) -> inStr(s, a, false));
        b.function("InStrRev", CATEGORY, "num InStrRev(str stringcheck, str stringmatch[, num start[, enum compare]])")
                .args(SCALAR, SCALAR)
                .optional(SCALAR, OPTION)
                .validate(s -> compareOption(s, 3))
                .strict((s, a, f) -> inStr(s, a, true));
        b.function("LCase", CATEGORY, "str LCase(str value)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull()
                        ? Value.NULL
                        : Value.of(Coerce.str(s, 0, a[0]).toLowerCase(Locale.ROOT)));
        b.function("UCase", CATEGORY, "str UCase(str string)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull()
                        ? Value.NULL
                        : Value.of(Coerce.str(s, 0, a[0]).toUpperCase(Locale.ROOT)));
        b.function("Left", CATEGORY, "str Left(str string, num NumChars)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> slice(s, a[0], a[1], true));
        b.function("Right", CATEGORY, "str Right(str string, num NumChars)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> slice(s, a[0], a[1], false));
        b.function("Mid", CATEGORY, "str Mid(str string, num start, num NumChars)")
                .args(SCALAR, SCALAR)
                .optional(SCALAR)
                .strict(TextFunctions::mid);
        b.function("Len", CATEGORY, "num Len(str value)").args(SCALAR).strict((s, a, f) -> {
            if (a[0].isNull()) {
                return Value.NULL;
            }
            byte[] bin = Coerce.binOrNull(a[0]);
            return Value.of(bin != null ? bin.length : Coerce.str(s, 0, a[0]).length());
        });
        b.function("Trim", CATEGORY, "str Trim(str value)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull() ? Value.NULL : Value.of(trim(Coerce.str(s, 0, a[0]), true, true)));
        b.function("LTrim", CATEGORY, "str LTrim(str value)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull() ? Value.NULL : Value.of(trim(Coerce.str(s, 0, a[0]), true, false)));
        b.function("RTrim", CATEGORY, "str RTrim(str value)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull() ? Value.NULL : Value.of(trim(Coerce.str(s, 0, a[0]), false, true)));
        b.function("PadLeft", CATEGORY, "str PadLeft(str string, num length, str padCharacter)")
                .args(SCALAR, SCALAR, SCALAR)
                .strict((s, a, f) -> pad(s, a, true));
        b.function("PadRight", CATEGORY, "str PadRight(str string, num length, str padCharacter)")
                .args(SCALAR, SCALAR, SCALAR)
                .strict((s, a, f) -> pad(s, a, false));
        b.function("PCase", CATEGORY, "String PCase(string)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull() ? Value.NULL : Value.of(properCase(Coerce.str(s, 0, a[0]))));
        b.function("Replace", CATEGORY, "str Replace(str string, str OldValue, str NewValue)")
                .args(SCALAR, SCALAR, SCALAR)
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    String text = Coerce.str(s, 0, a[0]);
                    String old = a[1].isNull() ? "" : Coerce.str(s, 1, a[1]);
                    String replacement = a[2].isNull() ? "" : Coerce.str(s, 2, a[2]);
                    return Value.of(old.isEmpty() ? text : text.replace(old, replacement));
                });
        b.function("ReplaceChars", CATEGORY, "str ReplaceChars(str string, str ReplacePattern)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> a[0].isNull()
                        ? Value.NULL
                        : Value.of(
                                replaceChars(s, Coerce.str(s, 0, a[0]), a[1].isNull() ? "" : Coerce.str(s, 1, a[1]))));
        b.function("Word", CATEGORY, "str Word(str string, num WordNumber, str delimiters)")
                .args(SCALAR, SCALAR, SCALAR)
                .strict(TextFunctions::word);
    }

    static FunctionSpec.Problem compareOption(Site s, int index) {
        String option = index < s.options.length ? s.options[index] : null;
        if (option == null || option.equals("vbTextCompare") || option.equals("vbBinaryCompare")) {
            return null;
        }
        String best = Suggest.closest(option, java.util.List.of("vbTextCompare", "vbBinaryCompare"));
        return new FunctionSpec.Problem(
                index,
                "the compare option is vbTextCompare or vbBinaryCompare, not " + option
                        + (best != null ? "; did you mean " + best + "?" : ""));
    }

    /**
     * InStr/InStrRev: 1-based position of the match, 0 when absent; NULL when either text is NULL (as VBA).
     * vbTextCompare compares character by character ignoring case, so positions stay those of the original.
     */
    private static Value inStr(Site s, Value[] a, boolean reverse) {
        if (a[0].isNull() || a[1].isNull()) {
            return Value.NULL;
        }
        String text = Coerce.str(s, 0, a[0]);
        String match = Coerce.str(s, 1, a[1]);
        boolean ignoreCase = a.length > 3 && "vbTextCompare".equals(s.options[3]);
        if (!reverse) {
            long start = a.length > 2 && !a[2].isNull() ? Coerce.num(s, 2, a[2]) : 1;
            if (start < 1) {
                throw s.error(Code.INVALID_ARGUMENT, "start must be 1 or more, not " + start);
            }
            if (start > text.length()) {
                return Value.of(match.isEmpty() && start == text.length() + 1 ? start : 0);
            }
            for (int i = (int) start - 1; i + match.length() <= text.length(); i++) {
                if (text.regionMatches(ignoreCase, i, match, 0, match.length())) {
                    return Value.of(i + 1);
                }
            }
            return Value.of(0);
        }
        long start = a.length > 2 && !a[2].isNull() ? Coerce.num(s, 2, a[2]) : -1;
        if (start == 0 || start < -1) {
            throw s.error(Code.INVALID_ARGUMENT, "start must be -1 (the end) or 1 or more, not " + start);
        }
        if (start > text.length()) {
            return Value.of(0);
        }
        int from = start == -1 ? text.length() : (int) start;
        // The match must end at or before position 'from'.
        for (int i = from - match.length(); i >= 0; i--) {
            if (text.regionMatches(ignoreCase, i, match, 0, match.length())) {
                return Value.of(i + 1);
            }
        }
        return Value.of(0);
    }

    /** .NET's white space (Char.IsWhiteSpace): the Unicode separators and the control characters 9-13, 0x85. */
    static boolean isWhiteSpace(char c) {
        return Character.isSpaceChar(c) || (c >= '\t' && c <= '\r') || c == '\u0085';
    }

    static String trim(String text, boolean leading, boolean trailing) {
        int start = 0;
        int end = text.length();
        while (leading && start < end && isWhiteSpace(text.charAt(start))) {
            start++;
        }
        while (trailing && end > start && isWhiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Left and Right: 0 gives "", a negative count gives the input, NULL gives "". */
    private static Value slice(Site s, Value text, Value count, boolean left) {
        if (text.isNull()) {
            return Value.of("");
        }
        long n = Coerce.num(s, 1, count);
        if (text instanceof Value.Str str) {
            String t = str.value();
            return n < 0 || n >= t.length()
                    ? text
                    : Value.of(left ? t.substring(0, (int) n) : t.substring(t.length() - (int) n));
        }
        byte[] bin = Coerce.binOrNull(text);
        if (bin != null) {
            if (n < 0 || n >= bin.length) {
                return Value.ofBytes(bin);
            }
            int k = (int) n;
            return Value.ofBytes(left ? Arrays.copyOf(bin, k) : Arrays.copyOfRange(bin, bin.length - k, bin.length));
        }
        String str = Coerce.str(s, 0, text);
        if (n < 0 || n >= str.length()) {
            return Value.of(str);
        }
        int k = (int) n;
        return Value.of(left ? str.substring(0, k) : str.substring(str.length() - k));
    }

    /**
     * Mid as the reference's remarks say: numChars 0 gives "", a negative numChars, a start beyond the end or
     * a start of 0 or less gives the input, NULL gives "". Without numChars, the rest of the string (the
     * reference's own Item example calls Mid with two arguments).
     */
    private static Value mid(Site s, Value[] a, Frame f) {
        if (a[0].isNull()) {
            return Value.of("");
        }
        long start = Coerce.num(s, 1, a[1]);
        long n = a.length > 2 && !a[2].isNull() ? Coerce.num(s, 2, a[2]) : Long.MAX_VALUE;
        byte[] bin = Coerce.binOrNull(a[0]);
        int length = bin != null ? bin.length : Coerce.str(s, 0, a[0]).length();
        if (n == 0) {
            return bin != null ? Value.ofBytes(new byte[0]) : Value.of("");
        }
        if (n < 0 || start > length || start <= 0) {
            return a[0] instanceof Value.Bin || a[0] instanceof Value.Str ? a[0] : Value.of(Coerce.str(s, 0, a[0]));
        }
        int from = (int) start - 1;
        int to = n >= length - from ? length : from + (int) n;
        return bin != null
                ? Value.ofBytes(Arrays.copyOfRange(bin, from, to))
                : Value.of(Coerce.str(s, 0, a[0]).substring(from, to));
    }

    private static Value pad(Site s, Value[] a, boolean left) {
        if (a[0].isNull()) {
            return Value.of("");
        }
        String text = Coerce.str(s, 0, a[0]);
        long length = Coerce.num(s, 1, a[1]);
        String padding = a[2].isNull() ? "" : Coerce.str(s, 2, a[2]);
        if (padding.length() != 1) {
            throw s.error(
                    Code.INVALID_ARGUMENT, "the pad character must be exactly one character, not \"" + padding + "\"");
        }
        if (length <= text.length()) {
            return Value.of(text);
        }
        if (length > 1_000_000) {
            throw s.error(Code.INVALID_ARGUMENT, "the length " + length + " is too large");
        }
        String fill = padding.repeat((int) length - text.length());
        return Value.of(left ? fill + text : text + fill);
    }

    /**
     * The first character of each space-delimited word upper case, the rest lower; a word entirely in upper
     * case stays as it is ("does not currently provide proper casing to convert a word that is entirely
     * uppercase, such as an acronym"), as .NET's ToTitleCase does.
     */
    static String properCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = text.length();
            }
            String w = text.substring(i, end);
            if (!w.isEmpty()) {
                boolean allUpper = w.equals(w.toUpperCase(Locale.ROOT)) && !w.equals(w.toLowerCase(Locale.ROOT));
                out.append(
                        allUpper
                                ? w
                                : w.substring(0, 1).toUpperCase(Locale.ROOT)
                                        + w.substring(1).toLowerCase(Locale.ROOT));
            }
            if (end < text.length()) {
                out.append(' ');
            }
            i = end + 1;
        }
        return out.toString();
    }

    /**
     * ReplaceChars with a pattern {@code {source1}:{target1},{source2}:{target2}}: each source is exactly one
     * character, a target may be longer or empty; white space in the pattern is ignored.
     */
    static String replaceChars(Site s, String text, String pattern) {
        java.util.Map<Integer, String> map = new java.util.HashMap<>();
        for (String pair : pattern.split(",", -1)) {
            String p = pair.replaceAll("\\s", "");
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon < 0) {
                throw s.error(
                        Code.INVALID_ARGUMENT, "the pair \"" + pair.strip() + "\" has no ':' (expected source:target)");
            }
            String source = p.substring(0, colon);
            if (source.codePointCount(0, source.length()) != 1) {
                throw s.error(
                        Code.INVALID_ARGUMENT,
                        "the source \"" + source + "\" in \"" + pair.strip() + "\" must be exactly one character");
            }
            map.put(source.codePointAt(0), p.substring(colon + 1));
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String target = map.get(cp);
            if (target != null) {
                out.append(target);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * Word: every character of the delimiters separates words, runs of delimiters count as one; a number
     * below 1 or beyond the last word, or a NULL string, gives "".
     */
    private static Value word(Site s, Value[] a, Frame f) {
        if (a[0].isNull()) {
            return Value.of("");
        }
        String text = Coerce.str(s, 0, a[0]);
        long n = Coerce.num(s, 1, a[1]);
        String delimiters = a[2].isNull() ? "" : Coerce.str(s, 2, a[2]);
        if (n < 1) {
            return Value.of("");
        }
        long index = 0;
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && delimiters.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            int start = i;
            while (i < text.length() && delimiters.indexOf(text.charAt(i)) < 0) {
                i++;
            }
            if (i > start && ++index == n) {
                return Value.of(text.substring(start, i));
            }
        }
        return Value.of("");
    }
}
