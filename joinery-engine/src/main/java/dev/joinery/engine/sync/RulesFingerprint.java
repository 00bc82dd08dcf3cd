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
 * precedence ties), the connector order, and the connector parameters those rules read ({@code %Domain.FQDN%} in a flow
 * or a scoping value: the connector's own, and those of every connector with outbound rules). It is the SHA-256 of
 * their YAML form, as 64 hex digits; the metaverse schema is not part of it.
 */
public final class RulesFingerprint {
    private RulesFingerprint() {}

    public static String of(SyncSettings settings, String connector) {
        StringBuilder text = new StringBuilder();
        settings.connectors()
                .forEach(c -> text.append("connector: ").append(c.name()).append('\n'));
        java.util.Set<String> parameterized = new java.util.LinkedHashSet<>();
        parameterized.add(connector);
        for (SyncRule r : settings.rules()) {
            if (r.direction() == Direction.OUTBOUND || r.connector().equals(connector)) {
                text.append(RuleYamlWriter.write(r)).append("---\n");
                parameterized.add(r.connector());
            }
        }
        for (ConnectorSettings c : settings.connectors()) {
            if (parameterized.contains(c.name())) {
                new java.util.TreeMap<>(c.parameters()).forEach((name, value) -> text.append("parameter: ")
                        .append(c.name())
                        .append(' ')
                        .append(name)
                        .append('=')
                        .append(value)
                        .append('\n'));
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
