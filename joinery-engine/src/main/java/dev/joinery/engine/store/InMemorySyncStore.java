package dev.joinery.engine.store;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.PendingExport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A {@link SyncStore} in memory, for tests and previews. A transaction writes through to the data and keeps an
 * undo log; rollback replays it backwards, so a preview is a transaction that is rolled back. Thread-safe: every
 * call locks the store; one transaction at a time. Watermarks, rule fingerprints and run history are kept by
 * {@link InMemoryRecords}.
 */
public final class InMemorySyncStore implements SyncStore {
    private final InMemoryState state = new InMemoryState();
    private Tx open;

    public static InMemorySyncStore create() {
        return new InMemorySyncStore();
    }

    @Override
    public synchronized SyncTransaction begin() {
        if (open != null) {
            throw new IllegalStateException("a transaction is open on this store already");
        }
        open = new Tx();
        return open;
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            open.rollback();
        }
    }

    private final class Tx extends InMemoryRecords {
        private boolean done;

        @Override
        InMemoryState s() {
            if (done) {
                throw new IllegalStateException("the transaction has ended");
            }
            return state;
        }

        @Override
        Object lock() {
            return InMemorySyncStore.this;
        }

        @Override
        public Optional<CsObject> cs(UUID id) {
            synchronized (InMemorySyncStore.this) {
                return Optional.ofNullable(s().cs.get(id));
            }
        }

        @Override
        public Optional<CsObject> csByAnchor(String connector, Anchor anchor) {
            synchronized (InMemorySyncStore.this) {
                UUID id = s().csByAnchor.getOrDefault(connector, Map.of()).get(anchor);
                return id == null ? Optional.empty() : Optional.of(state.cs.get(id));
            }
        }

        @Override
        public Optional<CsObject> csByDn(String connector, String dn) {
            synchronized (InMemorySyncStore.this) {
                UUID id = s().csByDn.getOrDefault(connector, Map.of()).get(ValueKeys.dnKey(dn));
                return id == null ? Optional.empty() : Optional.of(state.cs.get(id));
            }
        }

        @Override
        public List<UUID> csIds(String connector) {
            synchronized (InMemorySyncStore.this) {
                return List.copyOf(s().csByConnector
                        .getOrDefault(connector, new TreeMap<>())
                        .values());
            }
        }

        @Override
        public int csCount(String connector) {
            synchronized (InMemorySyncStore.this) {
                return s().csByConnector
                        .getOrDefault(connector, new TreeMap<>())
                        .size();
            }
        }

        @Override
        public List<UUID> pendingImports(String connector) {
            synchronized (InMemorySyncStore.this) {
                return List.copyOf(s().pendingImports
                        .getOrDefault(connector, new TreeMap<>())
                        .values());
            }
        }

        @Override
        public List<UUID> csLinkedTo(UUID mvId) {
            synchronized (InMemorySyncStore.this) {
                return s().csOrdered(s().csByMv.getOrDefault(mvId, Set.of()));
            }
        }

        @Override
        public List<UUID> csReferencing(String connector, String dn) {
            synchronized (InMemorySyncStore.this) {
                return s().csOrdered(s().csRefs.getOrDefault(connector + '\u0000' + ValueKeys.dnKey(dn), Set.of()));
            }
        }

        @Override
        public List<UUID> findCs(String connector, String attribute, AttributeValue value) {
            synchronized (InMemorySyncStore.this) {
                String key = connector + '\u0000' + ValueKeys.attributeKey(attribute, value);
                return s().csOrdered(s().csValues.getOrDefault(key, Set.of()));
            }
        }

        @Override
        public void putCs(CsObject object) {
            Objects.requireNonNull(object, "object");
            synchronized (InMemorySyncStore.this) {
                CsObject old = s().cs.get(object.id());
                Long seq = state.csSeq.get(object.id());
                state.putCs(object, null);
                undo.push(() -> {
                    state.removeCs(object.id());
                    if (old != null) {
                        state.putCs(old, seq);
                    }
                });
            }
        }

        @Override
        public void removeCs(UUID id) {
            synchronized (InMemorySyncStore.this) {
                CsObject old = s().cs.get(id);
                if (old == null) {
                    return;
                }
                removePendingExport(id);
                Long seq = state.csSeq.get(id);
                state.removeCs(id);
                undo.push(() -> state.putCs(old, seq));
            }
        }

        @Override
        public Optional<MvObject> mv(UUID id) {
            synchronized (InMemorySyncStore.this) {
                return Optional.ofNullable(s().mv.get(id));
            }
        }

        @Override
        public List<UUID> findMv(String objectType, String attribute, AttributeValue value) {
            synchronized (InMemorySyncStore.this) {
                List<UUID> ids =
                        s().mvOrdered(s().mvValues.getOrDefault(ValueKeys.attributeKey(attribute, value), Set.of()));
                if (objectType == null) {
                    return ids;
                }
                return ids.stream()
                        .filter(id -> state.mv.get(id).objectType().equals(objectType))
                        .toList();
            }
        }

        @Override
        public List<UUID> mvReferencing(UUID mvId) {
            synchronized (InMemorySyncStore.this) {
                return s().mvOrdered(s().mvRefs.getOrDefault(mvId, Set.of()));
            }
        }

        @Override
        public int mvCount() {
            synchronized (InMemorySyncStore.this) {
                return s().mv.size();
            }
        }

        @Override
        public void putMv(MvObject object) {
            Objects.requireNonNull(object, "object");
            synchronized (InMemorySyncStore.this) {
                MvObject old = s().mv.get(object.id());
                Long seq = state.mvSeq.get(object.id());
                state.putMv(object, null);
                undo.push(() -> {
                    state.removeMv(object.id());
                    if (old != null) {
                        state.putMv(old, seq);
                    }
                });
            }
        }

        @Override
        public void removeMv(UUID id) {
            synchronized (InMemorySyncStore.this) {
                MvObject old = s().mv.get(id);
                if (old == null) {
                    return;
                }
                if (!state.csByMv.getOrDefault(id, Set.of()).isEmpty()) {
                    throw new IllegalStateException("connector-space objects are still linked to " + id);
                }
                Long seq = state.mvSeq.get(id);
                state.removeMv(id);
                undo.push(() -> state.putMv(old, seq));
            }
        }

        @Override
        public Optional<PendingExport> pendingExport(UUID csId) {
            synchronized (InMemorySyncStore.this) {
                return s().cs.containsKey(csId) ? Optional.ofNullable(state.exportById.get(csId)) : Optional.empty();
            }
        }

        @Override
        public List<PendingExport> pendingExports(String connector) {
            synchronized (InMemorySyncStore.this) {
                return List.copyOf(
                        s().exports.getOrDefault(connector, new TreeMap<>()).values());
            }
        }

        @Override
        public void putPendingExport(PendingExport export) {
            Objects.requireNonNull(export, "export");
            synchronized (InMemorySyncStore.this) {
                if (!s().cs.containsKey(export.csId())) {
                    throw new IllegalStateException("no connector-space object " + export.csId());
                }
                PendingExport old = state.exportById.get(export.csId());
                long seq = state.putExport(export, null);
                undo.push(() -> {
                    state.removeExport(export.csId());
                    if (old != null) {
                        state.putExport(old, seq);
                    }
                });
            }
        }

        @Override
        public void removePendingExport(UUID csId) {
            synchronized (InMemorySyncStore.this) {
                PendingExport old = s().exportById.get(csId);
                if (old == null) {
                    return;
                }
                long seq = state.exportSeq.get(csId);
                state.removeExport(csId);
                undo.push(() -> state.putExport(old, seq));
            }
        }

        @Override
        public void commit() {
            synchronized (InMemorySyncStore.this) {
                s();
                undo.clear();
                end();
            }
        }

        @Override
        public void rollback() {
            synchronized (InMemorySyncStore.this) {
                s();
                while (!undo.isEmpty()) {
                    undo.pop().run();
                }
                end();
            }
        }

        @Override
        public void close() {
            synchronized (InMemorySyncStore.this) {
                if (!done) {
                    rollback();
                }
            }
        }

        private void end() {
            done = true;
            open = null;
        }
    }
}
