package dev.joinery.connector.ldap;

import dev.joinery.testkit.ConnectorContractTest;
import dev.joinery.testkit.ConnectorFixture;

/**
 * The connector contract against an in-memory server with Active Directory's schema and the AD connector's
 * Exchange attributes: full import, modifyTimestamp deltas (adds, modifies, renames, deletes), export of every
 * change type, binary and non-ASCII values, in seconds and without the real servers.
 */
class InMemoryAdContractTest extends ConnectorContractTest {
    @Override
    protected ConnectorFixture fixture() {
        return new InMemoryAdFixture();
    }
}
