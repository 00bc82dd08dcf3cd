package dev.joinery.connector.scim;

import dev.joinery.connector.spi.Sleeper;
import dev.joinery.testkit.ConnectorFixture;
import dev.joinery.testkit.ObjectLookupContractTest;

/** The SCIM connector's lookup by SCIM {@code filter} passes the lookup contract against Apache SCIMple. */
class ScimObjectLookupContractTest extends ObjectLookupContractTest {

    @Override
    protected ConnectorFixture fixture() {
        return new ScimpleFixture(ScimpleServer.shared(), Sleeper.system());
    }
}
