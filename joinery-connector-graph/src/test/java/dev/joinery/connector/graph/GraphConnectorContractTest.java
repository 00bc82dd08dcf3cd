package dev.joinery.connector.graph;

import dev.joinery.testkit.ConnectorContractTest;
import dev.joinery.testkit.ConnectorFixture;

/** The Entra ID connector passes the connector contract against a fresh Graph emulator per test. */
class GraphConnectorContractTest extends ConnectorContractTest {
    @Override
    protected ConnectorFixture fixture() {
        return EmulatorFixture.started();
    }
}
