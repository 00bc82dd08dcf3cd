package dev.joinery.connector.scim;

import dev.joinery.connector.spi.Sleeper;
import dev.joinery.testkit.ConnectorContractTest;
import dev.joinery.testkit.ConnectorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SCIM connector passes the connector contract against a real Apache SCIMple server, started once for the
 * class (about 4.5 s) and emptied before each test. The delta tests are skipped: SCIM has no delta import.
 */
class ScimConnectorContractTest extends ConnectorContractTest {
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
