package dev.joinery.store;

import dev.joinery.connector.spi.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The normalised forms the store indexes and matches by: text and references in Unicode lower case
 * ({@code Locale.ROOT}), every other type exactly, each behind a type prefix so different types never match. Keys
 * longer than {@value #MAX} characters are replaced by a SHA-256 digest, to fit database index limits.
 */
final class Keys {
    static final int MAX = 400;

    private Keys() {}

    static String attribute(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String value(AttributeValue value) {
        String key;
        if (value instanceof AttributeValue.Text t) {
            key = "s:" + t.value().toLowerCase(Locale.ROOT);
        } else if (value instanceof AttributeValue.Reference r) {
            key = "r:" + r.dn().toLowerCase(Locale.ROOT);
        } else {
            key = value.type().name().charAt(0) + ":" + value;
        }
        return bounded(key);
    }

    static String dn(String dn) {
        return bounded(dn.toLowerCase(Locale.ROOT));
    }

    /** The metaverse object a metaverse reference points at, or null when its text is no object id. */
    static UUID referencedId(AttributeValue v) {
        if (v instanceof AttributeValue.Reference r) {
            try {
                return UUID.fromString(r.dn());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static String bounded(String key) {
        if (key.length() <= MAX) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "#" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
