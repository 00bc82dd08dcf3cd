package dev.joinery.connector.ldap.ad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UnicodePwdTest {
    @Test
    void isThePasswordQuotedInUtf16LittleEndian() {
        assertThat(HexFormat.of().formatHex(UnicodePwd.encode("Ab1"))).isEqualTo("220041006200310022" + "00");
    }
}
