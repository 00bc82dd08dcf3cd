package dev.joinery.connector.ldap.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ObjectGuidTest {

    /** {@code new Guid(bytes).ToString()} in .NET: the first three fields little-endian. */
    @Test
    void rendersTheDotNetByteOrder() {
        byte[] bytes = HexFormat.of().parseHex("33221100554477668899aabbccddeeff");

        assertThat(ObjectGuid.toText(bytes)).isEqualTo("00112233-4455-6677-8899-aabbccddeeff");
    }

    @Test
    void textAndBytesRoundTrip() {
        long seed = 20240601L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            assertThat(ObjectGuid.toBytes(ObjectGuid.toText(bytes)))
                    .as("seed %d", seed)
                    .isEqualTo(bytes);
        }
    }

    @Test
    void refusesWhatIsNotAGuid() {
        assertThatThrownBy(() -> ObjectGuid.toBytes("not-a-guid")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectGuid.toText(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
