package dev.joinery.connector.spi;

import java.util.Objects;

/**
 * An opaque position in a directory's change stream, owned by the connector (a DirSync cookie, a USN, a
 * Graph delta link, a sequence number). The engine stores it and hands it back; it never looks inside.
 * {@link #toString()} does not show the token, which may be long or sensitive.
 */
public record Watermark(String token) {
    /** No position: a delta import is not possible until a full import ran. */
    public static final Watermark NONE = new Watermark("");

    public Watermark {
        Objects.requireNonNull(token, "token");
    }

    public boolean isNone() {
        return token.isEmpty();
    }

    @Override
    public String toString() {
        return isNone() ? "Watermark[none]" : "Watermark[" + token.length() + " chars]";
    }
}
