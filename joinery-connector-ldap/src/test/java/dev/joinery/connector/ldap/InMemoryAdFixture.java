package dev.joinery.connector.ldap;

/**
 * The fixture of {@link SambaFixture} over an {@link InMemoryAd} server of its own: AD's schema, objectGUID
 * anchors, deltas by modifyTimestamp.
 */
final class InMemoryAdFixture extends SambaFixture {
    final InMemoryAd ad;

    InMemoryAdFixture(InMemoryAd ad) {
        super(ad.server(), LdapConnectorConfig.DeltaStrategy.MODIFY_TIMESTAMP);
        this.ad = ad;
    }

    InMemoryAdFixture() {
        this(InMemoryAd.start());
    }

    @Override
    LdapConnectorConfig.Builder configure(LdapConnectorConfig.Builder b) {
        return super.configure(b).security(LdapConnectorConfig.Security.NONE);
    }

    @Override
    public void close() {
        super.close();
        ad.close();
    }
}
