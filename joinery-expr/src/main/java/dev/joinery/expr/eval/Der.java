package dev.joinery.expr.eval;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reader of DER, the encoding of X.509: just enough to read a certificate's fields in the form .NET gives
 * them (raw serial bytes, names attribute by attribute, extensions in order), which Java's
 * {@code X509Certificate} does not. Malformed input throws {@link IllegalArgumentException}. Not
 * thread-safe: one reader per use.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    private final byte[] data;
    private int pos;
    private final int end;

    Der(byte[] data) {
        this(data, 0, data.length);
    }

    private Der(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /** One element: its tag, and where its content lies in the shared buffer. */
    record Element(int tag, byte[] data, int start, int contentStart, int end) {
        byte[] content() {
            return Arrays.copyOfRange(data, contentStart, end);
        }

        /** The whole element, tag and length included. */
        byte[] encoded() {
            return Arrays.copyOfRange(data, start, end);
        }

        /** A reader over the content, for a constructed element. */
        Der children() {
            return new Der(data, contentStart, end);
        }
    }

    boolean hasMore() {
        return pos < end;
    }

    int peekTag() {
        if (pos >= end) {
            throw new IllegalArgumentException("no more DER elements");
        }
        return data[pos] & 0xFF;
    }

    Element next() {
        int start = pos;
        int tag = peekTag();
        if ((tag & 0x1F) == 0x1F) {
            throw new IllegalArgumentException("multi-byte DER tags are not used in X.509");
        }
        pos++;
        if (pos >= end) {
            throw new IllegalArgumentException("DER element without a length");
        }
        int first = data[pos++] & 0xFF;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || pos + count > end) {
                throw new IllegalArgumentException("bad DER length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[pos++] & 0xFF);
            }
        }
        if (length > end - pos) {
            throw new IllegalArgumentException("DER element longer than its container");
        }
        int contentStart = pos;
        pos += (int) length;
        return new Element(tag, data, start, contentStart, pos);
    }

    /** The next element, which must have this tag. */
    Element next(int tag) {
        Element e = next();
        if (e.tag() != tag) {
            throw new IllegalArgumentException(
                    "expected DER tag " + Integer.toHexString(tag) + ", found " + Integer.toHexString(e.tag()));
        }
        return e;
    }

    /** The dotted form of an OBJECT IDENTIFIER's content. */
    static String oid(Element e) {
        if (e.tag() != 0x06 || e.end() == e.contentStart()) {
            throw new IllegalArgumentException("expected an OBJECT IDENTIFIER");
        }
        StringBuilder out = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = e.contentStart(); i < e.end(); i++) {
            int b = e.data()[i] & 0xFF;
            if (value > (Long.MAX_VALUE >> 7)) {
                throw new IllegalArgumentException("OBJECT IDENTIFIER arc too large");
            }
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = value < 40 ? 0 : value < 80 ? 1 : 2;
                    out.append(top).append('.').append(value - 40L * top);
                    first = false;
                } else {
                    out.append('.').append(value);
                }
                value = 0;
            }
        }
        if (value != 0 || (e.data()[e.end() - 1] & 0x80) != 0) {
            throw new IllegalArgumentException("truncated OBJECT IDENTIFIER");
        }
        return out.toString();
    }

    /** The text of a character-string element (UTF8, Printable, IA5, BMP, T61...), or null for other types. */
    static String string(Element e) {
        byte[] b = e.content();
        return switch (e.tag()) {
            case 0x0C -> new String(b, StandardCharsets.UTF_8); // UTF8String
            case 0x12, 0x13, 0x16, 0x1A ->
                new String(b, StandardCharsets.ISO_8859_1); // Numeric, Printable, IA5, Visible
            case 0x14 -> t61(b); // T61String: UTF-8 where it is valid, else Latin-1, as .NET reads it
            case 0x1E -> new String(b, StandardCharsets.UTF_16BE); // BMPString
            case 0x1C -> new String(b, java.nio.charset.Charset.forName("UTF-32BE")); // UniversalString
            default -> null;
        };
    }

    private static String t61(byte[] b) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }
}
