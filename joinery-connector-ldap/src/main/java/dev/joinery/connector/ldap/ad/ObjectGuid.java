package dev.joinery.connector.ldap.ad;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Active Directory's objectGUID: 16 bytes in the .NET {@code Guid} byte order (the first three fields
 * little-endian), rendered as the canonical text {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} in lower case,
 * as {@code new Guid(bytes).ToString()} does. Stateless.
 */
public final class ObjectGuid {
    /** Text position of each byte's two hex digits, in byte order. */
    private static final int[] ORDER = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};

    private ObjectGuid() {}

    public static String toText(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an objectGUID has 16 bytes, not " + bytes.length);
        }
        HexFormat hex = HexFormat.of();
        StringBuilder s = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                s.append('-');
            }
            s.append(hex.toHexDigits(bytes[ORDER[i]]));
        }
        return s.toString();
    }

    /** @throws IllegalArgumentException when {@code text} is not a GUID */
    public static byte[] toBytes(String text) {
        String hex = text.replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 32 || text.length() != 36) {
            throw new IllegalArgumentException("not a GUID: " + text);
        }
        byte[] digits = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[ORDER[i]] = digits[i];
        }
        return bytes;
    }
}
