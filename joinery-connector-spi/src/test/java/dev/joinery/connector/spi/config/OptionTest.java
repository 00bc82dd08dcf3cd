package dev.joinery.connector.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Option definitions: what they hold, how they check values, and how a wrong definition fails fast. */
class OptionTest {

    @Test
    void definitionCarriesNameTypeDefaultDescriptionAndExpectation() {
        Option<Integer> port = Option.integer("port")
                .withDescription("TCP port.")
                .withDefault(389)
                .withRange(1, 65535);

        assertThat(port.name()).isEqualTo("port");
        assertThat(port.type()).isEqualTo(OptionType.INTEGER);
        assertThat(port.defaultValue()).isEqualTo(389);
        assertThat(port.description()).isEqualTo("TCP port.");
        assertThat(port.isRequired()).isFalse();
        assertThat(port.isSecret()).isFalse();
        assertThat(port.expected()).isEqualTo("an integer from 1 to 65535");
        assertThat(port).hasToString("port (integer)");
    }

    @Test
    void rangeValidatorSaysWhatWasExpectedAndFound() {
        Option<Integer> port = Option.integer("port").withRange(1, 65535);

        assertThat(port.problem(636)).isNull();
        assertThat(port.problem(70000)).isEqualTo("expected an integer from 1 to 65535, found 70000");
        assertThat(Option.integer("limit").withRange(1, Integer.MAX_VALUE).expected())
                .isEqualTo("an integer of at least 1");
    }

    @Test
    void enumOptionAcceptsOnlyItsWords() {
        Option<String> type = Option.oneOf("type", "h2", "postgresql");

        assertThat(type.allowedValues()).containsExactly("h2", "postgresql");
        assertThat(type.problem("h2")).isNull();
        assertThat(type.problem("mysql")).isEqualTo("expected one of h2, postgresql, found \"mysql\"");
    }

    @Test
    void customValidatorRunsAfterTheTypeCheck() {
        Option<String> base = Option.string("base").withValidator(v -> v.isBlank() ? "must not be blank" : null);

        assertThat(base.problem(" ")).isEqualTo("must not be blank");
        assertThat(base.problem("dc=contoso,dc=com")).isNull();
    }

    @Test
    void listOptionRefusesNonStringElements() {
        Option<List<String>> list = Option.stringList("attributes");

        assertThat(list.problem(List.of("cn", "mail"))).isNull();
        assertThatThrownBy(
                        () -> ConnectorConfig.builder(OptionSet.of("k", list)).set(list, List.class.cast(List.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attributes is a list");
    }

    @Test
    void secretOptionIsSecretAndSaysHowToReferenceIt() {
        Option<Secret> password = Option.secret("bind.password").required();

        assertThat(password.isSecret()).isTrue();
        assertThat(password.isRequired()).isTrue();
        assertThat(password.expected()).isEqualTo("a secret reference, ${env:NAME} or ${file:PATH}");
    }

    @Test
    void everyTypeHasAStableLabel() {
        assertThat(List.of(OptionType.values()))
                .extracting(OptionType::label)
                .containsExactly("string", "integer", "boolean", "duration", "list", "enum", "secret", "path", "url");
        assertThat(Option.duration("interval")
                        .withDefault(Duration.ofMinutes(30))
                        .defaultValue())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void badNamesAndContradictionsFailFastNamingTheOption() {
        assertThatThrownBy(() -> Option.string("bind..dn"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bind..dn'");
        assertThatThrownBy(() -> Option.integer("port").withDefault(1).required())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("option port has a default, so it cannot be required");
        assertThatThrownBy(() -> Option.string("host").required().withDefault("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("option host is required, so it cannot have a default");
        assertThatThrownBy(() -> Option.string("host").withRange(1, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("withRange applies to integer options; host is a string");
        assertThatThrownBy(() -> Option.oneOf("type"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type");
    }
}
