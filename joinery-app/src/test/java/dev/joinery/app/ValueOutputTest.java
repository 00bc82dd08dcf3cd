package dev.joinery.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.expr.Value;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text and JSON form of every value type, directly, including those the command line cannot produce yet. */
class ValueOutputTest {

    static Stream<Arguments> everyType() {
        UUID guid = UUID.fromString("897485c7-81a7-42eb-97c6-37ed73077b1f");
        return Stream.of(
                Arguments.of(Value.NULL, "", "null"),
                Arguments.of(Value.AUTHORITATIVE_NULL, "AuthoritativeNull\n", "null"),
                Arguments.of(Value.IGNORE_THIS_FLOW, "IgnoreThisFlow\n", "null"),
                Arguments.of(Value.of("a \"b\"\tc"), "a \"b\"\tc\n", "\"a \\\"b\\\"\\tc\""),
                Arguments.of(Value.of(-9_223_372_036_854_775_808L), "-9223372036854775808\n", "-9223372036854775808"),
                Arguments.of(Value.TRUE, "True\n", "true"),
                Arguments.of(Value.FALSE, "False\n", "false"),
                Arguments.of(Value.ofBytes(new byte[] {0, 1, 2, (byte) 0xFF}), "AAEC/w==\n", "\"AAEC/w==\""),
                Arguments.of(
                        Value.of(Instant.parse("2012-01-01T23:00:00Z")),
                        "2012-01-01T23:00:00Z\n",
                        "\"2012-01-01T23:00:00Z\""),
                Arguments.of(Value.of(guid), guid + "\n", "\"" + guid + "\""),
                Arguments.of(
                        Value.ref("CN=Joe,DC=contoso,DC=com"),
                        "CN=Joe,DC=contoso,DC=com\n",
                        "\"CN=Joe,DC=contoso,DC=com\""),
                Arguments.of(Value.multi(List.of(Value.of("x"), Value.of(7))), "x\n7\n", "[\"x\",7]"),
                Arguments.of(Value.Multi.EMPTY, "", "[]"));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void printsEveryTypeAsTextAndAsJson(Value value, String text, String json) {
        assertThat(ValueOutput.text(value)).isEqualTo(text);
        assertThat(ValueOutput.json(value)).isEqualTo(json + "\n");
    }
}
