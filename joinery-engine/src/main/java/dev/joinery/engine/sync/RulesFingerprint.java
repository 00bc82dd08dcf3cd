package dev.joinery.engine.sync;

import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.RuleYamlWriter;
import dev.joinery.engine.rules.SyncRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of the sync rules a connector's full synchronization depends on, to tell that they changed since
 * the last one: "sync-rule changes ⇒ Full Sync on that connector". It covers the connector's inbound rules and every
 * outbound rule (a full synchronization of any connector sends the metaverse objects it reaches through all outbound
 * rules, so an outbound change needs each connector's), disabled ones included, in configuration order (which breaks
 * precedence ties), and the connector order. It is the SHA-256 of their YAML form, as 64 hex digits; connector
 * parameters and the metaverse schema are not part of it.
 */
public final class RulesFingerprint {
    private RulesFingerprint() {}

    public static String of(SyncSettings settings, String connector) {
        StringBuilder text = new StringBuilder();
        settings.connectors()
                .forEach(c -> text.append("connector: ").append(c.name()).append('\n'));
        for (SyncRule r : settings.rules()) {
            if (r.direction() == Direction.OUTBOUND || r.connector().equals(connector)) {
                text.append(RuleYamlWriter.write(r)).append("---\n");
            }
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
