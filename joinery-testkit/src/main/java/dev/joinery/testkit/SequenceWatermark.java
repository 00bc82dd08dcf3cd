package dev.joinery.testkit;

import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.Watermark;
import java.time.Instant;

/**
 * The in-memory connector's watermark: the directory's change number it covers and when it was issued (for
 * the retention check). The token's form is private to this package; the engine sees it as opaque.
 */
record SequenceWatermark(long sequence, Instant issuedAt) {
    private static final String PREFIX = "inmem1:";

    Watermark toWatermark() {
        return new Watermark(PREFIX + sequence + ":" + issuedAt.toEpochMilli());
    }

    /**
     * Reads a token this connector issued.
     *
     * @throws ConnectorException {@code OTHER} (permanent) when it did not issue it
     */
    static SequenceWatermark parse(Watermark watermark) {
        String token = watermark.token();
        String[] parts =
                token.startsWith(PREFIX) ? token.substring(PREFIX.length()).split(":", -1) : new String[0];
        if (parts.length == 2) {
            try {
                long sequence = Long.parseLong(parts[0]);
                long millis = Long.parseLong(parts[1]);
                if (sequence >= 0) {
                    return new SequenceWatermark(sequence, Instant.ofEpochMilli(millis));
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        // The token is not shown: a watermark may be long or sensitive.
        throw new ConnectorException(ConnectorError.of(
                ConnectorError.Code.OTHER, "the watermark is not one the in-memory connector issued"));
    }
}
