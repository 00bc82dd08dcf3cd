package dev.joinery.connector.ldap.ad;

import java.nio.charset.StandardCharsets;

/**
 * Active Directory's password attribute: the value set is the password in double quotes, encoded UTF-16LE;
 * AD accepts it only over an encrypted connection. Stateless.
 */
public final class UnicodePwd {
    public static final String ATTRIBUTE = "unicodePwd";

    private UnicodePwd() {}

    public static boolean is(String attribute) {
        return ATTRIBUTE.equalsIgnoreCase(attribute);
    }

    /** The bytes AD expects for {@code password}. */
    public static byte[] encode(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }
}
