package dev.joinery.connector.ldap;

import dev.joinery.testkit.ConnectorContractTest;
import dev.joinery.testkit.ConnectorFixture;

/** The connector contract against OpenLDAP slapd, deltas by RFC 4533 content synchronization (syncprov). */
class SlapdContentSyncContractIT extends ConnectorContractTest {
    @Override
    protected ConnectorFixture fixture() {
        return new SlapdFixture(LdapConnectorConfig.DeltaStrategy.CONTENT_SYNC);
    }
}
