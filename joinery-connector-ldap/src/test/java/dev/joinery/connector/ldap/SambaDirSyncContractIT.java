package dev.joinery.connector.ldap;

import dev.joinery.testkit.ConnectorContractTest;
import dev.joinery.testkit.ConnectorFixture;

/** The connector contract against Samba AD DC 1, deltas by DirSync. */
class SambaDirSyncContractIT extends ConnectorContractTest {
    @Override
    protected ConnectorFixture fixture() {
        return new SambaFixture(1, LdapConnectorConfig.DeltaStrategy.AD_DIRSYNC);
    }
}
