package dev.joinery.connector.graph;

import dev.joinery.testkit.ConnectorFixture;
import dev.joinery.testkit.ObjectLookupContractTest;

/** The Entra ID connector's lookup by {@code $filter} passes the lookup contract against the Graph emulator. */
class GraphObjectLookupContractTest extends ObjectLookupContractTest {
    @Override
    protected ConnectorFixture fixture() {
        return EmulatorFixture.started();
    }
}
