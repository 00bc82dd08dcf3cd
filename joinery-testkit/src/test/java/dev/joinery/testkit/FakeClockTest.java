package dev.joinery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeClockTest {

    @Test
    void standsStillUntilAdvanced() {
        FakeClock clock = FakeClock.create();

        Instant before = clock.instant();
        Instant after = clock.advance(Duration.ofMinutes(2));

        assertThat(before)
                .isEqualTo(FakeClock.DEFAULT_START)
                .isEqualTo(clock.instant().minusSeconds(120));
        assertThat(after).isEqualTo(clock.instant());
    }

    @Test
    void refusesToAdvanceBackwardsButCanBeSetBack() {
        FakeClock clock = FakeClock.at(Instant.parse("2030-06-01T12:00:00Z"));

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        clock.set(Instant.parse("2030-05-31T12:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-05-31T12:00:00Z"));
    }

    @Test
    void aClockInAnotherZoneSharesTheTime() {
        FakeClock utc = FakeClock.create();
        FakeClock paris = utc.withZone(ZoneId.of("Europe/Paris"));

        utc.advance(Duration.ofHours(1));

        assertThat(paris.instant()).isEqualTo(utc.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.millis()).isEqualTo(utc.millis());
    }

    @Test
    void advancesFromManyThreadsLoseNoStep() throws Exception {
        FakeClock clock = FakeClock.create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START.plusMillis(4000));
    }
}
