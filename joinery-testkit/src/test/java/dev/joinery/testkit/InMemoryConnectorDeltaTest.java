package dev.joinery.testkit;

import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Delta import: collapsing, order, checkpoints as resume points, scope and watermark expiry. */
class InMemoryConnectorDeltaTest {
    private final FakeClock clock = FakeClock.create();
    private final InMemoryDirectory directory = InMemoryDirectory.create();
    private InMemoryConnector connector = connector(InMemoryConnector.builder(directory));

    @Test
    void severalChangesOfOneObjectCollapseToOneUpsertOfItsPresentState() {
        Watermark start = fullImport();
        Anchor alice = directory.add("user", dn("alice"), Map.of()).anchor();
        directory.modify(alice, List.of(replace("displayName", "Alice")));
        directory.rename(alice, dn("alicia"));
        directory.modify(alice, List.of(replace("description", "renamed")));

        List<ImportChange> changes = delta(start).changes();

        assertThat(changes)
                .containsExactly(ImportChange.upsert(directory.get(alice).orElseThrow()));
        assertThat(changes.get(0).object().dn()).isEqualTo(dn("alicia"));
    }

    @Test
    void changesThenADeleteCollapseToOneDelete() {
        Anchor alice = directory.add("user", dn("alice"), Map.of()).anchor();
        Watermark start = fullImport();
        directory.modify(alice, List.of(replace("displayName", "Alice")));
        directory.rename(alice, dn("alicia"));
        directory.delete(alice);

        assertThat(delta(start).changes()).containsExactly(ImportChange.delete(alice));
    }

    @Test
    void anObjectAddedAndDeletedSinceTheWatermarkIsNotReported() {
        Watermark start = fullImport();
        Anchor ghost = directory.add("user", dn("ghost"), Map.of()).anchor();
        directory.modify(ghost, List.of(replace("displayName", "Boo")));
        directory.delete(ghost);

        assertThat(delta(start).changes()).isEmpty();
    }

    @Test
    void objectsComeInTheOrderOfTheirLastChange() {
        Anchor alice = directory.add("user", dn("alice"), Map.of()).anchor();
        Anchor bob = directory.add("user", dn("bob"), Map.of()).anchor();
        Watermark start = fullImport();
        directory.modify(alice, List.of(replace("displayName", "Alice")));
        directory.modify(bob, List.of(replace("displayName", "Bob")));
        directory.modify(alice, List.of(replace("displayName", "Alice Smith")));

        assertThat(delta(start).changes()).extracting(ImportChange::anchor).containsExactly(bob, alice);
    }

    @Test
    void objectsOfTypesOutsideTheSchemaAreOutOfScope() {
        Anchor pc =
                directory.add("computer", "CN=PC1,DC=example,DC=com", Map.of()).anchor();
        Anchor alice = directory.add("user", dn("alice"), Map.of()).anchor();
        RecordingSink full = new RecordingSink();
        Watermark start = connector.fullImport(full);
        directory.delete(pc);
        directory.add("computer", "CN=PC2,DC=example,DC=com", Map.of());

        assertThat(full.upserts()).extracting(ConnectorObject::anchor).containsExactly(alice);
        assertThat(delta(start).changes()).isEmpty();
    }

    @Test
    void aFullImportCheckpointsEveryNObjectsWithTheWatermarkItReturns() {
        connector = connector(InMemoryConnector.builder(directory).checkpointEvery(2));
        for (String name : List.of("a", "b", "c", "d", "e")) {
            directory.add("user", dn(name), Map.of());
        }
        RecordingSink sink = new RecordingSink();

        Watermark watermark = connector.fullImport(sink);

        assertThat(sink.checkpoints()).containsExactly(watermark, watermark);
    }

    /**
     * Whatever the changes and wherever a delta import stops, resuming from its last checkpoint and applying
     * both parts gives the directory's present state: no change is lost at a checkpoint.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2025, 7919, 104729})
    void everyCheckpointOfADeltaImportIsASafeResumePoint(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        connector = connector(InMemoryConnector.builder(directory).checkpointEvery(1 + random.nextInt(3)));
        for (int i = 0; i < 8; i++) {
            directory.add("user", dn("u" + i), Map.of());
        }
        RecordingSink full = new RecordingSink();
        Watermark start = connector.fullImport(full);
        Map<Anchor, ConnectorObject> held = apply(new LinkedHashMap<>(), full.changes());
        randomChanges(random, 40);
        Timeline delta = new Timeline();
        connector.deltaImport(start, delta);
        Map<Anchor, ConnectorObject> present = new LinkedHashMap<>();
        directory.objects().stream()
                .filter(o -> o.objectType().equals("user"))
                .forEach(o -> present.put(o.anchor(), o));

        assertThat(apply(new LinkedHashMap<>(held), delta.changes))
                .as("seed %d", seed)
                .isEqualTo(present);
        for (Map.Entry<Integer, Watermark> checkpoint : delta.checkpoints.entrySet()) {
            Map<Anchor, ConnectorObject> resumed =
                    apply(new LinkedHashMap<>(held), delta.changes.subList(0, checkpoint.getKey()));
            assertThat(apply(resumed, delta(checkpoint.getValue()).changes()))
                    .as("seed %d, resumed after change %d", seed, checkpoint.getKey())
                    .isEqualTo(present);
        }
    }

    @Test
    void aWatermarkOlderThanTheRetentionExpires() {
        connector = connector(InMemoryConnector.builder(directory).watermarkRetention(Duration.ofDays(1)));
        Watermark start = fullImport();
        clock.advance(Duration.ofDays(1));
        delta(start);

        clock.advance(Duration.ofMillis(1));
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> delta(start));

        assertThat(e.code()).isEqualTo(ConnectorError.Code.WATERMARK_EXPIRED);
        assertThat(e.retriable()).isFalse();
    }

    @Test
    void aWatermarkFromBeforeATrimmedChangeLogExpires() {
        Anchor alice = directory.add("user", dn("alice"), Map.of()).anchor();
        Watermark start = fullImport();
        directory.modify(alice, List.of(replace("displayName", "Alice")));
        Watermark later = fullImport();
        directory.modify(alice, List.of(replace("displayName", "Alice Smith")));

        directory.trimChangeLog(directory.sequence() - 1);

        assertThat(catchThrowableOfType(ConnectorException.class, () -> delta(start))
                        .code())
                .isEqualTo(ConnectorError.Code.WATERMARK_EXPIRED);
        assertThat(delta(later).changes()).extracting(ImportChange::anchor).containsExactly(alice);
    }

    @Test
    void aWatermarkAheadOfTheDirectoryExpires() {
        InMemoryDirectory busier = InMemoryDirectory.create();
        busier.add("user", dn("alice"), Map.of());
        Watermark fromBusier = connector(InMemoryConnector.builder(busier)).fullImport(new RecordingSink());

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> delta(fromBusier));

        assertThat(e.code()).isEqualTo(ConnectorError.Code.WATERMARK_EXPIRED);
        assertThat(e.getMessage()).contains("ahead of the directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "inmem1:", "inmem1:7", "inmem1:x:0", "inmem1:-1:0", "inmem1:1:2:3"})
    void aWatermarkThisConnectorDidNotIssueIsAPermanentError(String token) {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> delta(new Watermark(token)));

        assertThat(e.code()).isEqualTo(ConnectorError.Code.OTHER);
        assertThat(e.retriable()).isFalse();
    }

    private void randomChanges(SplittableRandom random, int count) {
        for (int i = 0; i < count; i++) {
            List<ConnectorObject> users = directory.objects();
            ConnectorObject some = users.isEmpty() ? null : users.get(random.nextInt(users.size()));
            int kind = some == null ? 0 : random.nextInt(5);
            switch (kind) {
                case 0 -> directory.add(random.nextBoolean() ? "user" : "computer", dn("n" + i), Map.of());
                case 1, 2 -> directory.modify(some.anchor(), List.of(replace("description", "v" + i)));
                case 3 -> directory.rename(some.anchor(), dn("r" + i));
                default -> directory.delete(some.anchor());
            }
        }
    }

    private static Map<Anchor, ConnectorObject> apply(Map<Anchor, ConnectorObject> held, List<ImportChange> changes) {
        for (ImportChange c : changes) {
            if (c.kind() == ImportChange.Kind.UPSERT) {
                held.put(c.anchor(), c.object());
            } else {
                held.remove(c.anchor());
            }
        }
        return held;
    }

    /** The changes in order, and after how many of them each checkpoint came. */
    private static final class Timeline implements ImportSink {
        final List<ImportChange> changes = new ArrayList<>();
        final Map<Integer, Watermark> checkpoints = new LinkedHashMap<>();

        @Override
        public void accept(ImportChange change) {
            changes.add(change);
        }

        @Override
        public void checkpoint(Watermark watermark) {
            checkpoints.put(changes.size(), watermark);
        }
    }

    private InMemoryConnector connector(InMemoryConnector.Builder builder) {
        InMemoryConnector c = builder.schema(TestSchemas.usersAndGroups()).build();
        c.open(TestConnectorContext.of(clock));
        return c;
    }

    private Watermark fullImport() {
        return connector.fullImport(new RecordingSink());
    }

    private RecordingSink delta(Watermark since) {
        RecordingSink sink = new RecordingSink();
        connector.deltaImport(since, sink);
        return sink;
    }

    private static AttributeChange replace(String attribute, String value) {
        return AttributeChange.replace(attribute, List.of(text(value)));
    }

    private static String dn(String name) {
        return "CN=" + name + ",OU=People,DC=example,DC=com";
    }
}
