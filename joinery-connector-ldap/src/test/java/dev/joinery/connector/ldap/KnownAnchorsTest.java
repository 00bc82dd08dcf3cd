package dev.joinery.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.Anchor;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KnownAnchorsTest {
    private final SplittableRandom random = new SplittableRandom(11);

    private Anchor anchor() {
        return Anchor.of(new UUID(random.nextLong(), random.nextLong()).toString());
    }

    private static KnownAnchors reread(KnownAnchors known) {
        return KnownAnchors.from(
                WatermarkToken.parse(known.writeTo(WatermarkToken.of("t")).toWatermark(), "t"));
    }

    @Test
    void fewChangesTravelBesideTheUntouchedBaseAndReadBackAsTheWholeSet() {
        KnownAnchors known = KnownAnchors.empty();
        Set<Anchor> expected = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Anchor a = anchor();
            known.add(a);
            expected.add(a);
        }
        KnownAnchors next = reread(known);
        Anchor gone = expected.iterator().next();
        Anchor added = anchor();
        next.remove(gone);
        next.add(added);
        expected.remove(gone);
        expected.add(added);

        WatermarkToken written = next.writeTo(WatermarkToken.of("t"));

        assertThat(written.has("added")).as("seed 11").isTrue();
        assertThat(written.bytes("anchors")).hasSize(1 + 16 * 1000);
        assertThat(reread(next).all()).isEqualTo(expected);
    }

    @Test
    void manyChangesArePackedIntoANewBase() {
        KnownAnchors known = KnownAnchors.empty();
        for (int i = 0; i < 100; i++) {
            known.add(anchor());
        }
        KnownAnchors next = reread(known);
        for (int i = 0; i < 50; i++) {
            next.add(anchor());
        }

        WatermarkToken written = next.writeTo(WatermarkToken.of("t"));

        assertThat(written.has("added")).isFalse();
        assertThat(reread(next).all()).hasSize(150);
    }
}
