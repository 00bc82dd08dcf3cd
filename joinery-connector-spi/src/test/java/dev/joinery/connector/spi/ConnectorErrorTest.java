package dev.joinery.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectorErrorTest {

    /** Transient conditions are worth retrying; what the directory refuses on its merits is not. */
    @ParameterizedTest
    @CsvSource({
        "NETWORK, true",
        "TIMEOUT, true",
        "THROTTLED, true",
        "UNAVAILABLE, true",
        "CONFLICT, false",
        "NOT_FOUND, false",
        "PERMISSION_DENIED, false",
        "CONSTRAINT_VIOLATION, false",
        "IMMUTABLE_VIOLATION, false",
        "WATERMARK_EXPIRED, false",
        "CONFIGURATION, false",
        "OTHER, false"
    })
    void codesAreClassifiedRetriableOrPermanent(ConnectorError.Code code, boolean retriable) {
        assertThat(ConnectorError.of(code, "x").retriable()).isEqualTo(retriable);
    }

    @Test
    void resultIsEitherAppliedOrFailed() {
        assertThat(ExportResult.applied(Anchor.of("a")).isApplied()).isTrue();
        assertThat(ExportResult.failed(ConnectorError.of(ConnectorError.Code.CONFLICT, "dup"))
                        .isApplied())
                .isFalse();
        assertThatThrownBy(() -> new ExportResult(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attributeNamesCompareCaseInsensitivelyAndEmptyAttributesAreAbsent() {
        ConnectorObject o = new ConnectorObject(
                Anchor.of("g1"),
                "CN=A,DC=x",
                "user",
                java.util.Map.of("sAMAccountName", List.of(AttributeValue.text("a")), "mail", List.of()));

        assertThat(o.values("samaccountname")).containsExactly(AttributeValue.text("a"));
        assertThat(o.attributes()).doesNotContainKey("mail");
        assertThat(o.first("mail")).isNull();
    }

    @Test
    void watermarkDoesNotShowItsToken() {
        assertThat(new Watermark("secret-cookie").toString()).doesNotContain("secret");
    }

    @Test
    void binaryValuesCompareByContent() {
        assertThat(AttributeValue.binary(new byte[] {1, 2})).isEqualTo(AttributeValue.binary(new byte[] {1, 2}));
    }

    @Test
    void addAndDeleteOfValuesNeedValues() {
        assertThatThrownBy(() -> AttributeChange.add("member", List.of()))
                .hasMessageContaining("member needs at least one value");
    }
}
