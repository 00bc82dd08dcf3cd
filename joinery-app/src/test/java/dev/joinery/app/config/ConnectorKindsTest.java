package dev.joinery.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connector kinds: found through ServiceLoader, and refused when two clash or one takes a reserved name. */
class ConnectorKindsTest {

    @Test
    void discoversTheFactoriesListedInMetaInfServicesSortedByKind() {
        ConnectorKinds kinds = ConnectorKinds.discover();

        assertThat(kinds.names()).containsExactly("graph", "inmemory", "ldap", "test-file", "test-ldap");
        assertThat(kinds.find("test-ldap")).get().isInstanceOf(TestLdapConnectorFactory.class);
        assertThat(kinds.find("ldap")).get().isInstanceOf(dev.joinery.connector.ldap.LdapConnectorFactory.class);
        assertThat(kinds.find("graph")).get().isInstanceOf(dev.joinery.connector.graph.GraphConnectorFactory.class);
    }

    @Test
    void aFactoryCreatesAConnectorFromItsConfig() throws Exception {
        ConnectorFactory factory = ConnectorKinds.discover().find("test-ldap").orElseThrow();
        ConnectorConfig config = ConnectorConfig.builder(factory.options())
                .set(TestLdapConnectorFactory.HOST, "dc1")
                .build();

        try (Connector connector = factory.create("AD", config)) {
            assertThat(connector).isNotNull();
        }
    }

    @Test
    void twoFactoriesOfOneKindAreRefused() {
        assertThatThrownBy(() ->
                        ConnectorKinds.of(List.of(new TestFileConnectorFactory(), new TestFileConnectorFactory())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connector kind test-file is provided twice");
    }

    @Test
    void aKindMayNotDeclareNameOrKindNorHaveAMalformedName() {
        assertThatThrownBy(() -> ConnectorKinds.of(List.of(factory("x", OptionSet.of("x", Option.string("name"))))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("connector kind x declares option name, which every connector has");
        assertThatThrownBy(() -> ConnectorKinds.of(List.of(factory("LDAP", OptionSet.of("LDAP")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connector kind 'LDAP' must be lower-case letters, digits and hyphens");
    }

    private static ConnectorFactory factory(String kind, OptionSet options) {
        return new ConnectorFactory() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public OptionSet options() {
                return options;
            }

            @Override
            public Connector create(String name, ConnectorConfig config) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
