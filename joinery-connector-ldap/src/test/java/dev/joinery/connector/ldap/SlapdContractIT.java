package dev.joinery.connector.ldap;

import dev.joinery.testkit.ConnectorContractTest;
import dev.joinery.testkit.ConnectorFixture;

/** The connector contract against OpenLDAP slapd over StartTLS, deltas by entryCSN. */
class SlapdContractIT extends ConnectorContractTest {
    @Override
    protected ConnectorFixture fixture() {
        return new SlapdFixture();
    }
}
