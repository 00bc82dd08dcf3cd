package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.Filter;

/**
 * RFC 4533 content synchronization (OpenLDAP syncprov) is not implemented yet; until it is, this strategy
 * reads deltas as {@link ModifyTimestampSyncStrategy} does with OpenLDAP's {@code entryCSN}, whose
 * {@code contextCSN} syncprov maintains. Not thread-safe.
 */
public final class ContentSyncStrategy extends AnchorComparisonSyncStrategy {
    private final ModifyTimestampSyncStrategy csn;

    public ContentSyncStrategy(LdapReader reader) {
        super(reader, "csn");
        this.csn = new ModifyTimestampSyncStrategy(reader, "entryCSN");
    }

    @Override
    public java.util.List<String> extraAttributes() {
        return java.util.List.of("entryCSN");
    }

    @Override
    protected String currentPosition() {
        return csn.currentPosition();
    }

    @Override
    protected Filter changedAfter(String position) {
        return csn.changedAfter(position);
    }

    @Override
    protected String advance(String position, dev.joinery.connector.spi.ConnectorObject object) {
        return csn.advance(position, object);
    }
}
