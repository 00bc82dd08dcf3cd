package dev.joinery.connector.ldap;

import dev.joinery.testkit.ConnectorContractTest;
import dev.joinery.testkit.ConnectorFixture;

/** The connector contract against Samba AD DC 2 (the second forest), deltas by uSNChanged. */
class SambaUsnChangedContractIT extends ConnectorContractTest {
    @Override
    protected ConnectorFixture fixture() {
        return new SambaFixture(2, LdapConnectorConfig.DeltaStrategy.USN_CHANGED);
    }
}
