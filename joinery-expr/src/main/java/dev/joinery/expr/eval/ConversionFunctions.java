package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.Param.OPTION;
import static dev.joinery.expr.eval.Param.SCALAR;

import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.Value;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/** The Conversion functions, and {@code CBin}, which Microsoft's shipped device rules use undocumented. */
final class ConversionFunctions {
    private ConversionFunctions() {}

    private static final String CATEGORY = "Conversion";
    static final Pattern GUID =
            Pattern.compile("\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");

    static void register(FunctionLibrary.Builder b) {
        // "If the expression evaluates to a non-zero value, then CBool returns True, else it returns False."
        // CBool(NULL) is False: shipped rules write CBool(IIF(IsPresent([x]), ..., NULL)).
        b.function("CBool", CATEGORY, "bool CBool(exp Expression)")
                .args(SCALAR)
                .strict((s, a, f) -> Value.of(a[0].isNull() ? false : Coerce.bool(s, 0, a[0])));
        b.function("CGuid", CATEGORY, "bin CGuid(str GUID)").args(SCALAR).strict((s, a, f) -> {
            if (a[0].isNull()) {
                return Value.NULL;
            }
            if (a[0] instanceof Value.Guid g) {
                return Value.ofBytes(Coerce.guidBytes(g.value()));
            }
            String text = Coerce.str(s, 0, a[0]).strip();
            if (!GUID.matcher(text).matches() || text.startsWith("{") != text.endsWith("}")) {
                throw s.error(
                        Code.INVALID_ARGUMENT, "\"" + text + "\" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
            }
            String bare = text.startsWith("{") ? text.substring(1, text.length() - 1) : text;
            return Value.ofBytes(Coerce.guidBytes(UUID.fromString(bare)));
        });
        b.function("ConvertFromBase64", CATEGORY, "str ConvertFromBase64(str source[, enum Encoding])")
                .args(SCALAR)
                .optional(OPTION)
                .validate(s -> s.argCount() < 2 || encoding(s.options[1]) != null
                        ? null
                        : new FunctionSpec.Problem(1, "the encoding is Unicode, UTF8 or ASCII, not " + s.options[1]))
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    byte[] bytes = decodeBase64(Coerce.str(s, 0, a[0]));
                    if (bytes == null) {
                        throw s.error(Code.INVALID_ARGUMENT, "not base64: " + Coerce.describe(a[0]));
                    }
                    Charset cs = a.length > 1 ? encoding(s.options[1]) : StandardCharsets.UTF_16LE;
                    return Value.of(new String(bytes, cs));
                });
        // "converts a string to a Unicode base64 string"; a binary value (objectGUID) is encoded as it is.
        b.function("ConvertToBase64", CATEGORY, "str ConvertToBase64(str source)")
                .args(SCALAR)
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    byte[] bin = Coerce.binOrNull(a[0]);
                    if (bin == null) {
                        bin = Coerce.str(s, 0, a[0]).getBytes(StandardCharsets.UTF_16LE);
                    }
                    return Value.of(Coerce.base64(bin));
                });
        b.function("ConvertFromUTF8Hex", CATEGORY, "str ConvertFromUTF8Hex(str source)")
                .args(SCALAR)
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    String hex = Coerce.str(s, 0, a[0]).strip();
                    try {
                        return Value.of(new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        throw s.error(Code.INVALID_ARGUMENT, "not hexadecimal UTF-8: " + Coerce.describe(a[0]));
                    }
                });
        b.function("ConvertToUTF8Hex", CATEGORY, "str ConvertToUTF8Hex(str source)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull()
                        ? Value.NULL
                        : Value.of(HexFormat.of()
                                .withUpperCase()
                                .formatHex(Coerce.str(s, 0, a[0]).getBytes(StandardCharsets.UTF_8))));
        // A binary value (a slice of a key blob in the shipped device rules) reads as a little-endian number.
        // A binary value (a slice of a key blob in the shipped device rules) reads as a little-endian number.
        b.function("CNum", CATEGORY, "num CNum(str value)").args(SCALAR).strict((s, a, f) -> {
            if (a[0].isNull()) {
                return Value.NULL;
            }
            Long n = number(a[0]);
            if (n == null) {
                byte[] bin = Coerce.binOrNull(a[0]);
                throw s.error(
                        Code.INVALID_ARGUMENT,
                        bin != null
                                ? "a binary value of " + bin.length + " bytes is not 1 to 8 bytes long"
                                : Coerce.describe(a[0]) + " is not a number");
            }
            return Value.of(n);
        });
        b.function("CRef", CATEGORY, "ref CRef(str value)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull() ? Value.NULL : Value.ref(Coerce.ref(s, 0, a[0])));
        b.function("CStr", CATEGORY, "str CStr(num value) / CStr(ref value) / CStr(bool value)")
                .args(SCALAR)
                .strict((s, a, f) -> {
                    if (a[0] instanceof Value.Guid) {
                        throw s.typeMismatch(0, "num, ref, bool or str", a[0]); // IsString is False for it too
                    }
                    return a[0].isNull() ? Value.NULL : Value.of(Coerce.str(s, 0, a[0]));
                });
        b.function("StringFromGuid", CATEGORY, "str StringFromGuid(bin GUID)")
                .args(SCALAR)
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    byte[] bin = Coerce.bin(s, 0, a[0]);
                    if (bin.length != 16) {
                        throw s.error(Code.INVALID_ARGUMENT, "a GUID has 16 bytes, not " + bin.length);
                    }
                    return Value.of(Coerce.guidFromBytes(bin).toString());
                });
        b.function("StringFromSid", CATEGORY, "str StringFromSid(bin ObjectSID)")
                .args(SCALAR)
                .strict((s, a, f) -> a[0].isNull() ? Value.NULL : Value.of(sid(s, Coerce.bin(s, 0, a[0]))));
        // Undocumented; "CBin(Len(Thumbprint(...)),2) & CBin(2,1)" in the shipped device rules: the number as
        // that many little-endian bytes.
        b.function("CBin", CATEGORY, "bin CBin(num value, num bytes)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    long value = Coerce.num(s, 0, a[0]);
                    long size = Coerce.num(s, 1, a[1]);
                    if (size < 1 || size > 8) {
                        throw s.error(Code.INVALID_ARGUMENT, "the byte count must be 1 to 8, not " + size);
                    }
                    if (size < 8 && (value > (1L << (8 * size)) - 1 || value < -(1L << (8 * size - 1)))) {
                        throw s.error(Code.INVALID_ARGUMENT, value + " does not fit in " + size + " byte(s)");
                    }
                    byte[] out = new byte[(int) size];
                    for (int i = 0; i < size; i++) {
                        out[i] = (byte) (value >>> (8 * i));
                    }
                    return Value.ofBytes(out);
                });
    }

    /** What CNum makes of a value, or null when it cannot: numbers, numeric text, Booleans, binary of 1-8 bytes. */
    static Long number(Value v) {
        byte[] bin = Coerce.binOrNull(v);
        if (bin == null) {
            return Coerce.numberOrNull(v);
        }
        if (bin.length == 0 || bin.length > 8) {
            return null;
        }
        long n = 0;
        for (int i = bin.length - 1; i >= 0; i--) {
            n = (n << 8) | (bin[i] & 0xFF);
        }
        return n;
    }

    /**
     * Strict base64 as .NET's Convert.FromBase64String: white space is ignored, every other character must be
     * of the alphabet, and the length must be a multiple of four; null when the text is not base64.
     */
    static byte[] decodeBase64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!TextFunctions.isWhiteSpace(c)) {
                clean.append(c);
            }
        }
        if (clean.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Charset encoding(String option) {
        if (option == null) {
            return null;
        }
        return switch (option) {
            case "Unicode" -> StandardCharsets.UTF_16LE;
            case "UTF8" -> StandardCharsets.UTF_8;
            case "ASCII" -> StandardCharsets.US_ASCII;
            default -> null;
        };
    }

    /** A binary SID in its S-1-... text form (MS-DTYP 2.4.2). */
    static String sid(Site s, byte[] b) {
        if (b.length < 8 || b.length != 8 + 4 * (b[1] & 0xFF)) {
            throw s.error(Code.INVALID_ARGUMENT, "not a binary SID (" + b.length + " bytes)");
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (b[i] & 0xFF);
        }
        StringBuilder out =
                new StringBuilder("S-").append(b[0] & 0xFF).append('-').append(authority);
        for (int i = 0; i < (b[1] & 0xFF); i++) {
            int o = 8 + 4 * i;
            long sub = (b[o] & 0xFFL) | (b[o + 1] & 0xFFL) << 8 | (b[o + 2] & 0xFFL) << 16 | (b[o + 3] & 0xFFL) << 24;
            out.append('-').append(sub);
        }
        return out.toString();
    }
}
