package dev.joinery.connector.scim;

import dev.joinery.connector.spi.Sleeper;
import dev.joinery.testkit.ConnectorFixture;
import dev.joinery.testkit.ObjectLookupContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SCIM connector's lookup by SCIM {@code filter} passes the lookup contract against Apache SCIMple. */
class ScimObjectLookupContractTest extends ObjectLookupContractTest {
    private static ScimpleServer server;

    @BeforeAll
    static void startServer() {
        server = ScimpleServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected ConnectorFixture fixture() {
        return new ScimpleFixture(server, Sleeper.system());
    }
}
