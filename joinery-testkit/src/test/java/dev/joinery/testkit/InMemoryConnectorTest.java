package dev.joinery.testkit;

import static dev.joinery.connector.spi.AttributeValue.text;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole contract suite against the in-memory connector, with AD-like names and unique attributes. */
class InMemoryConnectorTest extends ConnectorContractTest {

    @Override
    protected ConnectorFixture fixture() {
        return new Fixture();
    }

    private static final class Fixture implements ConnectorFixture {
        private final InMemoryDirectory directory = InMemoryDirectory.builder()
                .uniqueAttributes("userPrincipalName", "proxyAddresses")
                .build();
        private final InMemoryConnector connector = InMemoryConnector.builder(directory)
                .schema(TestSchemas.usersAndGroups())
                .checkpointEvery(2)
                .build();
        private final ConnectorContext context = TestConnectorContext.of(FakeClock.create());

        Fixture() {
            connector.open(context);
        }

        @Override
        public Connector connector() {
            return connector;
        }

        @Override
        public ConnectorContext context() {
            return context;
        }

        @Override
        public Anchor create(String objectType, String dn, Map<String, List<AttributeValue>> attributes) {
            return directory.add(objectType, dn, attributes).anchor();
        }

        @Override
        public void modify(Anchor anchor, List<AttributeChange> changes) {
            directory.modify(anchor, changes);
        }

        @Override
        public void rename(Anchor anchor, String newDn) {
            directory.rename(anchor, newDn);
        }

        @Override
        public void delete(Anchor anchor) {
            directory.delete(anchor);
        }

        @Override
        public Optional<ConnectorObject> read(Anchor anchor) {
            return directory.get(anchor);
        }

        @Override
        public String userType() {
            return "user";
        }

        @Override
        public String groupType() {
            return "group";
        }

        @Override
        public String userDn(String name) {
            return "CN=" + name + ",OU=People,DC=example,DC=com";
        }

        @Override
        public String groupDn(String name) {
            return "CN=" + name + ",OU=Groups,DC=example,DC=com";
        }

        @Override
        public Optional<String> userDnInOtherContainer(String name) {
            return Optional.of("CN=" + name + ",OU=Leavers,DC=example,DC=com");
        }

        @Override
        public Map<String, List<AttributeValue>> userAttributes(String name) {
            return Map.of(
                    "cn", List.of(text(name)),
                    "sAMAccountName", List.of(text(name)),
                    "userPrincipalName", List.of(text(name + "@example.com")),
                    "proxyAddresses", List.of(text("SMTP:" + name + "@example.com"), text("smtp:" + name + "@ex.net")));
        }

        @Override
        public Map<String, List<AttributeValue>> groupAttributes(String name) {
            return Map.of("cn", List.of(text(name)), "sAMAccountName", List.of(text(name)));
        }

        @Override
        public String textAttribute() {
            return "displayName";
        }

        @Override
        public Optional<String> binaryAttribute() {
            return Optional.of("jpegPhoto");
        }

        @Override
        public String memberAttribute() {
            return "member";
        }

        @Override
        public void close() {
            connector.close();
        }
    }
}
