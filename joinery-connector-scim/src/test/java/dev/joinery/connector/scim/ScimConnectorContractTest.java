package dev.joinery.connector.scim;

import dev.joinery.connector.spi.Sleeper;
import dev.joinery.testkit.ConnectorContractTest;
import dev.joinery.testkit.ConnectorFixture;

/**
 * The SCIM connector passes the connector contract against a real Apache SCIMple server, shared by the test
 * classes (about 4.5 s to start) and emptied before each test. The delta tests are skipped: SCIM has no delta import.
 */
class ScimConnectorContractTest extends ConnectorContractTest {

    @Override
    protected ConnectorFixture fixture() {
        return new ScimpleFixture(ScimpleServer.shared(), Sleeper.system());
    }
}
