package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import dev.joinery.connector.ldap.ad.ObjectGuid;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;

/** Reads an anchor from an entry and finds an entry by anchor; one implementation per {@link LdapConnectorConfig.AnchorKind}. */
interface AnchorCodec {

    /** The attribute holding the anchor. */
    String attribute();

    /** The entry's anchor; null when the entry has none. */
    Anchor read(Entry entry);

    /** The equality filter that finds the entry with this anchor (escaped as RFC 4515 requires). */
    Filter filter(Anchor anchor);

    static AnchorCodec of(LdapConnectorConfig.AnchorKind kind) {
        return switch (kind) {
            case OBJECT_GUID -> new ObjectGuidAnchor();
            case ENTRY_UUID -> new EntryUuidAnchor();
        };
    }

    final class ObjectGuidAnchor implements AnchorCodec {
        @Override
        public String attribute() {
            return "objectGUID";
        }

        @Override
        public Anchor read(Entry entry) {
            byte[] bytes = entry.getAttributeValueBytes("objectGUID");
            return bytes == null ? null : Anchor.of(ObjectGuid.toText(bytes));
        }

        @Override
        public Filter filter(Anchor anchor) {
            return Filter.createEqualityFilter("objectGUID", ObjectGuid.toBytes(anchor.value()));
        }
    }

    final class EntryUuidAnchor implements AnchorCodec {
        @Override
        public String attribute() {
            return "entryUUID";
        }

        @Override
        public Anchor read(Entry entry) {
            String value = entry.getAttributeValue("entryUUID");
            return value == null ? null : Anchor.of(value.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public Filter filter(Anchor anchor) {
            return Filter.createEqualityFilter("entryUUID", anchor.value());
        }
    }

    static ConnectorException missing(String dn, String attribute) {
        return new ConnectorException(
                ConnectorError.of(ConnectorError.Code.CONFIGURATION, dn + " has no " + attribute + " to anchor it"));
    }
}
