package dev.joinery.connector.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Secrets: references, resolution on demand, and a value that shows nowhere but in reveal(). */
class SecretTest {
    private static final String VALUE = "Tr0ub4dor&3-secret";

    @Test
    void parsesEnvAndFileReferencesOnly() {
        assertThat(SecretReference.parse("${env:AD_PASSWORD}")).contains(SecretReference.env("AD_PASSWORD"));
        assertThat(SecretReference.parse("${file:secrets/ad.txt}")).contains(SecretReference.file("secrets/ad.txt"));
        assertThat(SecretReference.parse("${env:AD PASSWORD}")).isEmpty();
        assertThat(SecretReference.parse("${vault:ad}")).isEmpty();
        assertThat(SecretReference.parse("${env:}")).isEmpty();
        assertThat(SecretReference.parse(VALUE)).isEmpty();
        assertThat(SecretReference.file("/run/secrets/x")).hasToString("${file:/run/secrets/x}");
    }

    @Test
    void revealResolvesOnEveryCallAndNothingElseDoes() {
        AtomicInteger calls = new AtomicInteger();
        Secret secret = Secret.of(SecretReference.env("AD_PASSWORD"), "connectors[0].bind.password", ref -> {
            calls.incrementAndGet();
            return VALUE;
        });

        assertThat(secret).hasToString("${env:AD_PASSWORD}");
        assertThat(secret.hashCode()).isNotZero();
        assertThat(calls).hasValue(0);
        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(calls).hasValue(2);
    }

    @Test
    void equalityComparesReferencesNotValues() {
        SecretReference ref = SecretReference.env("AD_PASSWORD");

        assertThat(Secret.of(ref, "p", r -> "a")).isEqualTo(Secret.of(ref, "p", r -> "b"));
        assertThat(Secret.of(ref, "p", r -> VALUE)).isNotEqualTo(Secret.of(SecretReference.env("X"), "p", r -> VALUE));
    }

    @Test
    void failedResolutionIsAConfigurationErrorNamingOptionAndReference() {
        Secret secret = Secret.of(SecretReference.env("AD_PASSWORD"), "connectors[0].bind.password", ref -> {
            throw new ConnectorException(ConnectorError.of(
                    ConnectorError.Code.CONFIGURATION,
                    "environment variable " + ref.target() + " is not set (" + ref + ")"));
        });

        assertThatThrownBy(secret::reveal)
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ConnectorError.Code.CONFIGURATION);
                    assertThat(e.retriable()).isFalse();
                })
                .hasMessage("CONFIGURATION: connectors[0].bind.password: environment variable AD_PASSWORD is not set"
                        + " (${env:AD_PASSWORD})");
    }

    @Test
    void anUnexpectedResolverFailureKeepsItsMessageOut() {
        Secret secret = Secret.of(SecretReference.file("x"), "store.password", ref -> {
            throw new IllegalStateException("leaked " + VALUE);
        });

        assertThatThrownBy(secret::reveal)
                .isInstanceOf(ConnectorException.class)
                .hasMessage("CONFIGURATION: store.password: cannot resolve ${file:x} (IllegalStateException)")
                .hasNoCause();
    }
}
