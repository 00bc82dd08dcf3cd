package dev.joinery.engine.model;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A connector-space object: the last imported image of one directory object (its hologram), its link to the
 * metaverse, and what sync and export remember about it.
 *
 * @param id the engine's own identifier, assigned when the object first appears (import or provisioning)
 * @param connector the connector's name
 * @param anchor the directory's identifier; null for a provisioned object whose add was not exported yet
 * @param dn the distinguished name, compared ignoring case
 * @param objectType the directory's object type (user, group, ...)
 * @param attributes the hologram: the values the last import saw (never values only exported)
 * @param link the metaverse object it is linked to, or null for a disconnector
 * @param pendingImport what the last imports changed that synchronization has not processed
 * @param exportMemory values exported and applied but not yet confirmed by an import, by attribute; an empty list
 *     records an attribute exported as cleared (a store must keep it). An import of the object clears the memory
 *     ("The export memory is cleared when C=5 is received during an import")
 * @param quarantined values that duplicate attribute resiliency keeps from being exported, by attribute
 */
public record CsObject(
        UUID id,
        String connector,
        Anchor anchor,
        String dn,
        String objectType,
        Map<String, List<AttributeValue>> attributes,
        Link link,
        PendingImport pendingImport,
        Map<String, List<AttributeValue>> exportMemory,
        Map<String, List<AttributeValue>> quarantined) {

    public CsObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(pendingImport, "pendingImport");
        attributes = Attributes.copy(attributes);
        exportMemory = Attributes.copyKeepingEmpty(exportMemory);
        quarantined = Attributes.copy(quarantined);
    }

    /** A newly imported object: not linked, pending add. */
    public static CsObject imported(
            UUID id, String connector, Anchor anchor, String dn, String type, Map<String, List<AttributeValue>> attrs) {
        return new CsObject(
                id,
                connector,
                Objects.requireNonNull(anchor, "anchor"),
                dn,
                type,
                attrs,
                null,
                PendingImport.ADD,
                Map.of(),
                Map.of());
    }

    /** A newly provisioned object: no anchor and an empty hologram until its add is exported and imported. */
    public static CsObject provisioned(UUID id, String connector, String dn, String type, Link link) {
        return new CsObject(
                id,
                connector,
                null,
                dn,
                type,
                Map.of(),
                Objects.requireNonNull(link, "link"),
                PendingImport.NONE,
                Map.of(),
                Map.of());
    }

    /** The DN prefix of a transient object; see {@link #asTransient()}. */
    private static final String TRANSIENT = "{transient ";

    /**
     * This object as a transient one: "DN match with a different anchor ⇒ old object gets a temporary DN and becomes
     * transient until the rename/deletion is imported." The temporary DN is {@code {transient <id>}<old DN>}; the
     * object keeps its link and pending import.
     */
    public CsObject asTransient() {
        return isTransient() ? this : withDn(TRANSIENT + id + "}" + dn);
    }

    /** Whether the object holds a temporary DN until its own rename or deletion is imported. */
    public boolean isTransient() {
        return dn.startsWith(TRANSIENT);
    }

    public boolean isLinked() {
        return link != null;
    }

    /** The hologram's values of an attribute; empty when absent. */
    public List<AttributeValue> values(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    public CsObject withAnchor(Anchor value) {
        return new CsObject(
                id, connector, value, dn, objectType, attributes, link, pendingImport, exportMemory, quarantined);
    }

    public CsObject withDn(String value) {
        return new CsObject(
                id, connector, anchor, value, objectType, attributes, link, pendingImport, exportMemory, quarantined);
    }

    public CsObject withAttributes(Map<String, List<AttributeValue>> value) {
        return new CsObject(
                id, connector, anchor, dn, objectType, value, link, pendingImport, exportMemory, quarantined);
    }

    public CsObject withLink(Link value) {
        return new CsObject(
                id, connector, anchor, dn, objectType, attributes, value, pendingImport, exportMemory, quarantined);
    }

    public CsObject withPendingImport(PendingImport value) {
        return new CsObject(id, connector, anchor, dn, objectType, attributes, link, value, exportMemory, quarantined);
    }

    public CsObject withExportMemory(Map<String, List<AttributeValue>> value) {
        return new CsObject(id, connector, anchor, dn, objectType, attributes, link, pendingImport, value, quarantined);
    }

    public CsObject withQuarantined(Map<String, List<AttributeValue>> value) {
        return new CsObject(
                id, connector, anchor, dn, objectType, attributes, link, pendingImport, exportMemory, value);
    }

    @Override
    public String toString() {
        return connector + ":" + dn + (anchor == null ? "" : " {" + anchor + "}");
    }
}
