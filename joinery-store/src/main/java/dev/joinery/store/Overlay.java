package dev.joinery.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A transaction's own records of one kind (connector-space objects, metaverse objects or pending exports): the
 * version the database holds, as read, and the version the transaction wrote, which goes to the database on commit.
 * Records only read stay as a cache, which is dropped when it grows past {@link #CACHE_LIMIT}; written ("dirty")
 * records stay until commit. Not thread-safe.
 */
final class Overlay<T> {
    /** Clean records kept before the cache is dropped; a transaction's written records do not count. */
    static final int CACHE_LIMIT = 50_000;

    /** One record as the transaction sees it. */
    static final class Slot<T> {
        final UUID id;
        /** Creation order: the database's, or allocated when the transaction created the record. */
        long seq;
        /** The database row's creation order (its key); meaningless when {@link #db} is null. */
        final long dbSeq;
        /** The database's version as of the transaction's start; null when it holds no such record. */
        final T db;
        /** The transaction's version; null when absent (never stored, or removed). */
        T now;
        /** Whether {@link #now} was written by the transaction and must be saved on commit. */
        boolean dirty;

        Slot(UUID id, long seq, T db) {
            this.id = id;
            this.seq = seq;
            this.dbSeq = seq;
            this.db = db;
            this.now = db;
        }
    }

    private final Map<UUID, Slot<T>> slots = new HashMap<>();
    private int dirtyCount;

    /** The slot of a record the transaction read or wrote; null when it did neither. */
    Slot<T> get(UUID id) {
        return slots.get(id);
    }

    boolean isDirty(UUID id) {
        Slot<T> s = slots.get(id);
        return s != null && s.dirty;
    }

    /** Remembers a record as read from the database; a slot already there wins (it may hold the transaction's writes). */
    Slot<T> loaded(UUID id, long seq, T db) {
        Slot<T> s = slots.get(id);
        if (s == null) {
            s = new Slot<>(id, seq, db);
            slots.put(id, s);
        }
        return s;
    }

    /** The slot of a record the caller knows the database does not hold (a fresh id). */
    Slot<T> absent(UUID id) {
        return loaded(id, 0, null);
    }

    /** Marks a slot written; the caller sets {@link Slot#now}. */
    void markDirty(Slot<T> s) {
        if (!s.dirty) {
            s.dirty = true;
            dirtyCount++;
        }
    }

    /** Whether the transaction wrote any record of this kind. */
    boolean hasDirty() {
        return dirtyCount > 0;
    }

    /** Whether reading more would grow the cache past its limit; see {@link #dropClean()}. */
    boolean full() {
        return slots.size() - dirtyCount > CACHE_LIMIT;
    }

    /** Forgets every record the transaction did not write. */
    void dropClean() {
        slots.values().removeIf(s -> !s.dirty);
    }

    /** The written records, in creation order. */
    List<Slot<T>> dirty() {
        List<Slot<T>> list = new ArrayList<>(dirtyCount);
        for (Slot<T> s : slots.values()) {
            if (s.dirty) {
                list.add(s);
            }
        }
        list.sort((a, b) -> Long.compare(a.seq, b.seq));
        return list;
    }

    /**
     * A query's answer: the database's rows for records the transaction did not write, and the written records the
     * transaction's own index finds, in creation order.
     */
    List<UUID> merge(List<Row> database, Collection<UUID> written) {
        if (written.isEmpty() && dirtyCount == 0) {
            List<UUID> ids = new ArrayList<>(database.size());
            database.forEach(r -> ids.add(r.id()));
            return ids;
        }
        List<Row> rows = new ArrayList<>(database.size() + written.size());
        for (Row r : database) {
            if (!isDirty(r.id())) {
                rows.add(r);
            }
        }
        for (UUID id : written) {
            rows.add(new Row(slots.get(id).seq, id));
        }
        if (rows.size() > 1) {
            rows.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        }
        List<UUID> ids = new ArrayList<>(rows.size());
        rows.forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** A row of a query's answer: a record's creation order and id. */
    record Row(long seq, UUID id) {}

    /** An index over written records: key to the ids holding it. */
    static final class Index<K> {
        private final Map<K, Set<UUID>> map = new HashMap<>();

        void add(K key, UUID id) {
            map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }

        void remove(K key, UUID id) {
            Set<UUID> ids = map.get(key);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    map.remove(key);
                }
            }
        }

        Set<UUID> get(K key) {
            return map.getOrDefault(key, Set.of());
        }
    }
}
