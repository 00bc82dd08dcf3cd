package dev.joinery.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.expr.Expression;
import dev.joinery.expr.Value;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValueBridgeTest {

    @Test
    void everyDirectoryValueRoundTrips() {
        List<AttributeValue> values = List.of(
                AttributeValue.text("a"),
                AttributeValue.integer(7),
                AttributeValue.bool(true),
                AttributeValue.binary(new byte[] {1, 2}),
                AttributeValue.reference("CN=X"),
                AttributeValue.timestamp(Instant.parse("2025-01-01T00:00:00Z")));
        for (AttributeValue v : values) {
            assertThat(ValueBridge.toAttributeValue(ValueBridge.toValue(v))).isEqualTo(v);
        }
        assertThat(ValueBridge.toValue(values, true)).isInstanceOf(Value.Multi.class);
        assertThat(ValueBridge.toValue(List.of(AttributeValue.text("a")), true)).isInstanceOf(Value.Multi.class);
        assertThat(ValueBridge.toValue(List.of(AttributeValue.text("a")), false))
                .isEqualTo(Value.of("a"));
        assertThat(ValueBridge.toAttributeValues(Value.IGNORE_THIS_FLOW)).isEmpty();
    }

    @Test
    void anExpressionReadsAttributesDnParametersAndImportedValues() {
        ObjectEvaluationContext context = new ObjectEvaluationContext(
                Map.of(
                        "sAMAccountName",
                        List.of(AttributeValue.text("jdoe")),
                        "proxyAddresses",
                        List.of(AttributeValue.text("SMTP:new@x"))),
                Map.of("sAMAccountName", List.of(AttributeValue.text("jdoe"))),
                "CN=John,DC=x",
                Map.of("Domain.FQDN", Value.of("contoso.com")),
                a -> a.equals("proxyAddresses"),
                Clock.systemUTC(),
                new SplittableRandom(1));

        assertThat(Expression.compile("[sAMAccountName] & \"@\" & %Domain.FQDN%")
                        .evaluate(context))
                .isEqualTo(Value.of("jdoe@contoso.com"));
        assertThat(Expression.compile("[dn]").evaluate(context)).isEqualTo(Value.of("CN=John,DC=x"));
        assertThat(Expression.compile("IsPresent(ImportedValue(\"proxyAddresses\"))")
                        .evaluate(context))
                .isEqualTo(Value.FALSE);
        assertThat(Expression.compile("[proxyAddresses]").evaluate(context)).isInstanceOf(Value.Multi.class);
    }
}
