package dev.joinery.engine.store;

import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.RunRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The part of an {@link InMemorySyncStore} transaction that keeps small records: watermarks, rule fingerprints, run
 * history and errors. Each write pushes its undo onto {@link #undo}. Every method locks {@link #lock()}.
 */
abstract class InMemoryRecords implements SyncTransaction {
    final Deque<Runnable> undo = new ArrayDeque<>();

    /** The data, after checking that the transaction is open; called with the lock held. */
    abstract InMemoryState s();

    abstract Object lock();

    /** Puts a value into a map of {@code s()} and records how to restore the old one. */
    private <K, V> void put(Map<K, V> map, K key, V value) {
        V old = map.put(key, value);
        undo.push(() -> {
            if (old == null) {
                map.remove(key);
            } else {
                map.put(key, old);
            }
        });
    }

    @Override
    public Watermark watermark(String connector) {
        synchronized (lock()) {
            return s().watermarks.getOrDefault(connector, Watermark.NONE);
        }
    }

    @Override
    public void saveWatermark(String connector, Watermark watermark) {
        Objects.requireNonNull(watermark, "watermark");
        synchronized (lock()) {
            put(s().watermarks, connector, watermark);
        }
    }

    @Override
    public Optional<String> rulesFingerprint(String connector) {
        synchronized (lock()) {
            return Optional.ofNullable(s().rulesFingerprints.get(connector));
        }
    }

    @Override
    public void saveRulesFingerprint(String connector, String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        synchronized (lock()) {
            put(s().rulesFingerprints, connector, fingerprint);
        }
    }

    @Override
    public void putRun(RunRecord run) {
        synchronized (lock()) {
            put(s().runs, run.id(), run);
        }
    }

    @Override
    public Optional<RunRecord> run(UUID id) {
        synchronized (lock()) {
            return Optional.ofNullable(s().runs.get(id));
        }
    }

    @Override
    public List<RunRecord> runs(String connector) {
        synchronized (lock()) {
            List<RunRecord> list = new ArrayList<>();
            for (RunRecord r : s().runs.values()) {
                if (connector == null || r.connector().equals(connector)) {
                    list.add(r);
                }
            }
            list.sort(Comparator.comparing(RunRecord::start));
            return list;
        }
    }

    @Override
    public void addError(ObjectError error) {
        synchronized (lock()) {
            List<ObjectError> list = s().errors.computeIfAbsent(error.runId(), k -> new ArrayList<>());
            list.add(error);
            undo.push(() -> list.remove(list.size() - 1));
        }
    }

    @Override
    public List<ObjectError> errors(UUID runId) {
        synchronized (lock()) {
            return List.copyOf(s().errors.getOrDefault(runId, List.of()));
        }
    }
}
