package dev.joinery.connector.ldap;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.Watermark;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The text of this connector's watermarks: {@code ldap1:STRATEGY;key=value;...} with values in URL-safe
 * base64, so a cookie's bytes survive the engine's string storage. Anchor sets (for delete detection by anchor
 * comparison) are packed as 16 bytes an anchor when every anchor is a UUID (entryUUID, objectGUID), else sorted
 * and deflated. Immutable.
 */
public final class WatermarkToken {
    private static final String PREFIX = "ldap1:";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    /** First byte of an anchor set packed as UUIDs; a deflate stream never starts with it. */
    private static final byte UUIDS = 0;

    private final String strategy;
    private final Map<String, byte[]> values;

    private WatermarkToken(String strategy, Map<String, byte[]> values) {
        this.strategy = strategy;
        this.values = values;
    }

    public static WatermarkToken of(String strategy) {
        return new WatermarkToken(strategy, new LinkedHashMap<>());
    }

    public WatermarkToken with(String key, byte[] value) {
        Map<String, byte[]> copy = new LinkedHashMap<>(values);
        copy.put(key, value.clone());
        return new WatermarkToken(strategy, copy);
    }

    public WatermarkToken with(String key, String value) {
        return with(key, value.getBytes(StandardCharsets.UTF_8));
    }

    public WatermarkToken withAnchors(String key, Collection<Anchor> anchors) {
        return with(key, pack(anchors));
    }

    /** An anchor set as bytes: 16 bytes an anchor when all are UUIDs, else sorted and deflated. */
    public static byte[] pack(Collection<Anchor> anchors) {
        byte[] packed = packUuids(anchors);
        return packed != null ? packed : deflate(anchors);
    }

    /** Whether the token has a value under {@code key}. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Anchors that are all UUIDs (entryUUID, objectGUID) as a marker byte and 16 bytes each; else null. */
    private static byte[] packUuids(Collection<Anchor> anchors) {
        ByteBuffer out = ByteBuffer.allocate(1 + 16 * anchors.size());
        out.put(UUIDS);
        for (Anchor a : anchors) {
            String v = a.value();
            if (v.length() != 36 || !v.equals(v.toLowerCase(Locale.ROOT))) {
                return null;
            }
            UUID u;
            try {
                u = UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (!u.toString().equals(v)) {
                return null;
            }
            out.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        }
        return out.array();
    }

    private static byte[] deflate(Collection<Anchor> anchors) {
        TreeSet<String> sorted = new TreeSet<>();
        anchors.forEach(a -> sorted.add(a.value()));
        byte[] text = String.join("\n", sorted).getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(text);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    public Watermark toWatermark() {
        StringBuilder s = new StringBuilder(PREFIX).append(strategy);
        values.forEach((k, v) -> s.append(';').append(k).append('=').append(ENC.encodeToString(v)));
        return new Watermark(s.toString());
    }

    /**
     * Reads a token of {@code strategy}.
     *
     * @throws ConnectorException {@code WATERMARK_EXPIRED} when the token is not one this strategy issued (a
     *     full import is needed); the token itself is not shown
     */
    public static WatermarkToken parse(Watermark watermark, String strategy) {
        String token = watermark.token();
        String head = PREFIX + strategy;
        if (!token.startsWith(head) || (token.length() > head.length() && token.charAt(head.length()) != ';')) {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.WATERMARK_EXPIRED,
                    "the watermark was not issued by the " + strategy + " delta strategy; run a full import"));
        }
        Map<String, byte[]> values = new LinkedHashMap<>();
        try {
            for (String part : token.substring(head.length()).split(";")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                values.put(part.substring(0, eq), DEC.decode(part.substring(eq + 1)));
            }
        } catch (RuntimeException e) {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.WATERMARK_EXPIRED, "the watermark is damaged; run a full import"));
        }
        return new WatermarkToken(strategy, values);
    }

    public byte[] bytes(String key) {
        byte[] v = values.get(key);
        if (v == null) {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.WATERMARK_EXPIRED, "the watermark lacks " + key + "; run a full import"));
        }
        return v.clone();
    }

    public String text(String key) {
        return new String(bytes(key), StandardCharsets.UTF_8);
    }

    public Set<Anchor> anchors(String key) {
        return unpack(bytes(key));
    }

    /** The anchors of {@link #pack(Collection)}'s bytes. */
    public static Set<Anchor> unpack(byte[] packed) {
        if (packed.length > 0 && packed[0] == UUIDS && packed.length % 16 == 1) {
            ByteBuffer in = ByteBuffer.wrap(packed, 1, packed.length - 1);
            Set<Anchor> anchors = new HashSet<>(packed.length / 12);
            while (in.hasRemaining()) {
                anchors.add(Anchor.of(new UUID(in.getLong(), in.getLong()).toString()));
            }
            return anchors;
        }
        Inflater inflater = new Inflater();
        inflater.setInput(packed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.WATERMARK_EXPIRED, "the watermark is damaged; run a full import"));
        } finally {
            inflater.end();
        }
        Set<Anchor> anchors = new HashSet<>();
        String text = out.toString(StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            for (String a : text.split("\n")) {
                anchors.add(Anchor.of(a));
            }
        }
        return anchors;
    }
}
