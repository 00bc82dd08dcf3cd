package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.CsObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Duplicate attribute resiliency: "conflicting UPN / SMTP proxyAddress is quarantined instead of failing the object;
 * required UPN replaced by {@code <OriginalPrefix>+<4DigitNumber>@<InitialTenantDomain>.onmicrosoft.com}".
 */
public final class Quarantine {
    private Quarantine() {}

    /**
     * The values to export for an attribute, without the object's quarantined ones. When a single-valued attribute
     * loses its only value and the connector has a quarantine domain, the placeholder takes its place.
     */
    public static List<AttributeValue> filter(
            CsObject cs, ConnectorSettings connector, String attribute, List<AttributeValue> wanted) {
        List<AttributeValue> held = cs.quarantined().getOrDefault(attribute, List.of());
        if (held.isEmpty()) {
            return wanted;
        }
        List<AttributeValue> kept = new ArrayList<>();
        for (AttributeValue v : wanted) {
            if (held.stream().noneMatch(h -> h.toString().equalsIgnoreCase(v.toString()))) {
                kept.add(v);
            }
        }
        if (kept.isEmpty()
                && wanted.size() == 1
                && connector.quarantineDomain() != null
                && !connector.multiValued(cs.objectType(), attribute)) {
            return List.of(placeholder(cs, connector, wanted.get(0)));
        }
        return kept;
    }

    /** {@code prefix+NNNN@domain}, the same for the same object and value. */
    public static AttributeValue placeholder(CsObject cs, ConnectorSettings connector, AttributeValue value) {
        String text = value.toString();
        int at = text.indexOf('@');
        String prefix = at < 0 ? text : text.substring(0, at);
        int digits = 1000 + Math.floorMod((cs.id().toString() + text.toLowerCase(Locale.ROOT)).hashCode(), 9000);
        return AttributeValue.text(prefix + "+" + digits + "@" + connector.quarantineDomain());
    }
}
