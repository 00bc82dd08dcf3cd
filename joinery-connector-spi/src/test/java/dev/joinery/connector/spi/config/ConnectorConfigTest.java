package dev.joinery.connector.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Connector configurations: typed reads, defaults, and the checks made when one is built. */
class ConnectorConfigTest {
    private static final Option<String> HOST = Option.string("host").required();
    private static final Option<Integer> PORT =
            Option.integer("port").withDefault(389).withRange(1, 65535);
    private static final Option<List<String>> ATTRIBUTES = Option.stringList("attributes");
    private static final Option<Secret> PASSWORD = Option.secret("bind.password");
    private static final OptionSet LDAP = OptionSet.of("ldap", HOST, PORT, ATTRIBUTES, PASSWORD);

    @Test
    void readsSetValuesAndFallsBackToDefaults() {
        ConnectorConfig config = ConnectorConfig.builder(LDAP).set(HOST, "dc1").build();

        assertThat(config.get(HOST)).isEqualTo("dc1");
        assertThat(config.get(PORT)).isEqualTo(389);
        assertThat(config.isSet(PORT)).isFalse();
        assertThat(config.find(ATTRIBUTES)).isEmpty();
        assertThatThrownBy(() -> config.get(ATTRIBUTES))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("attributes is not set and has no default");
    }

    @Test
    void buildReportsEveryMissingRequiredOptionAndInvalidValue() {
        ConnectorConfig.Builder builder = ConnectorConfig.builder(LDAP).set(PORT, 0);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid ldap configuration: host: required; "
                        + "port: expected an integer from 1 to 65535, found 0");
    }

    @Test
    void refusesAnOptionOfAnotherSet() {
        Option<String> other = Option.string("host");

        assertThatThrownBy(() -> ConnectorConfig.builder(LDAP).set(other, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option host is not an option of ldap");
    }

    @Test
    void listValuesAreCopiedAndUnmodifiable() {
        List<String> attributes = new ArrayList<>(List.of("cn"));
        ConnectorConfig config = ConnectorConfig.builder(LDAP)
                .set(HOST, "dc1")
                .set(ATTRIBUTES, attributes)
                .build();
        attributes.add("mail");

        assertThat(config.get(ATTRIBUTES)).containsExactly("cn");
        assertThatThrownBy(() -> config.get(ATTRIBUTES).add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsValuesInDeclaredOrderAndSecretsAsReferences() {
        Secret password = Secret.of(SecretReference.env("AD_PASSWORD"), "bind.password", ref -> "s3cr3t-value");
        ConnectorConfig config = ConnectorConfig.builder(LDAP)
                .set(PASSWORD, password)
                .set(PORT, 636)
                .set(HOST, "dc1")
                .build();

        assertThat(config).hasToString("ldap{host=dc1, port=636, bind.password=${env:AD_PASSWORD}}");
        assertThat(config.toString()).doesNotContain("s3cr3t-value");
        assertThat(config)
                .isEqualTo(ConnectorConfig.builder(LDAP)
                        .set(HOST, "dc1")
                        .set(PORT, 636)
                        .set(PASSWORD, password)
                        .build());
    }

    @Test
    void aDefaultEqualsTheSameValueSetExplicitly() {
        ConnectorConfig defaulted =
                ConnectorConfig.builder(LDAP).set(HOST, "dc1").build();
        ConnectorConfig explicit =
                ConnectorConfig.builder(LDAP).set(HOST, "dc1").set(PORT, 389).build();

        assertThat(defaulted).isEqualTo(explicit).hasSameHashCodeAs(explicit);
        assertThat(defaulted)
                .isNotEqualTo(ConnectorConfig.builder(LDAP)
                        .set(HOST, "dc1")
                        .set(PORT, 636)
                        .build());
    }
}
