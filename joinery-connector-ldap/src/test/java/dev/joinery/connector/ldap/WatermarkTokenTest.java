package dev.joinery.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.Watermark;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WatermarkTokenTest {

    private static Set<Anchor> uuids(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Anchor> set = new HashSet<>();
        for (int i = 0; i < n; i++) {
            set.add(Anchor.of(new UUID(random.nextLong(), random.nextLong()).toString()));
        }
        return set;
    }

    @ParameterizedTest(name = "{0} anchors")
    @ValueSource(ints = {0, 1, 1000})
    void uuidAnchorsRoundTripPackedAt16BytesEach(int n) {
        Set<Anchor> anchors = uuids(7, n);

        Watermark w = WatermarkToken.of("t").withAnchors("a", anchors).toWatermark();

        assertThat(WatermarkToken.parse(w, "t").anchors("a")).as("seed 7").isEqualTo(anchors);
        assertThat(WatermarkToken.parse(w, "t").bytes("a")).hasSize(1 + 16 * n);
    }

    @Test
    void anchorsThatAreNotAllCanonicalUuidsRoundTripDeflated() {
        Set<Anchor> anchors = new HashSet<>(uuids(8, 10));
        anchors.addAll(List.of(Anchor.of("cn=not-a-uuid"), Anchor.of("C7857489-A781-EB42-97C6-37ED73077B1F")));

        Watermark w = WatermarkToken.of("t").withAnchors("a", anchors).toWatermark();

        assertThat(WatermarkToken.parse(w, "t").anchors("a")).isEqualTo(anchors);
    }
}
