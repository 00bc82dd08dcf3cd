package dev.joinery.store;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvAttribute;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.store.SyncTransaction;
import dev.joinery.store.Overlay.Row;
import dev.joinery.store.Overlay.Slot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One database transaction, written on commit. Connector-space objects, metaverse objects and pending exports that the
 * transaction writes are kept in its {@link Overlay}s, indexed there the way the database indexes them, and written
 * to the database in JDBC batches on {@link #commit()}; until then the database holds what the transaction started
 * with, so every answer read from it stays valid for the transaction and is cached. A query answers with the
 * database's rows for records the transaction did not write, plus the written records its own indexes find, in
 * creation order: reads see the transaction's writes, as the contract says, at a few database round trips per object
 * instead of dozens.
 *
 * <p>Watermarks, rule fingerprints, runs and errors are small and rare: they go to the database at once, inside the
 * same database transaction. Not thread-safe.
 */
final class JdbcTransaction implements SyncTransaction {
    private static final String CS_COLUMNS = "seq, id, connector, anchor, dn_key, mv_id, pending, data";
    private static final int IN_CHUNK = 500;
    private static final Row NONE = new Row(-1, new UUID(0, 0));

    private final JdbcSyncStore store;
    private final Connection connection;
    private final Set<String> newCsIndexed = new HashSet<>();
    private final Set<String> newMvIndexed = new HashSet<>();
    private boolean done;
    /** Whether the transaction wrote anything, so that committing it needs the writer lock. */
    private boolean wrote;

    private final Overlay<CsObject> cs = new Overlay<>();
    private final Overlay<MvObject> mv = new Overlay<>();
    private final Overlay<PendingExport> exports = new Overlay<>();

    // indexes over written records, keyed as the database's index rows are
    private final Map<String, UUID> csAnchors = new HashMap<>();
    private final Map<String, UUID> csDns = new HashMap<>();
    private final Overlay.Index<UUID> csByMv = new Overlay.Index<>();
    private final Overlay.Index<String> csRefs = new Overlay.Index<>();
    private final Overlay.Index<String> csValues = new Overlay.Index<>();
    private final Overlay.Index<String> mvValues = new Overlay.Index<>();
    private final Overlay.Index<UUID> mvRefs = new Overlay.Index<>();

    // answers read from the database, valid until commit because the database does not change before it
    private final Map<String, List<Row>> answers = new HashMap<>();
    private final Map<String, Row> owners = new HashMap<>();

    JdbcTransaction(JdbcSyncStore store, Connection connection) {
        this.store = store;
        this.connection = connection;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface VoidWork {
        void run() throws SQLException;
    }

    private void open() {
        if (done) {
            throw new IllegalStateException("the transaction has ended");
        }
    }

    private <T> T sql(Work<T> work) {
        open();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("store query failed", e);
        }
    }

    private void sqlVoid(VoidWork work) {
        sql(() -> {
            work.run();
            return null;
        });
    }

    private PreparedStatement ps(String sql, Object... params) throws SQLException {
        PreparedStatement s = store.statement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private int count(String sql, Object... params) {
        return sql(() -> {
            try (ResultSet r = ps(sql, params).executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    private int update(String sql, Object... params) throws SQLException {
        wrote = true;
        return ps(sql, params).executeUpdate();
    }

    /** Keeps the cache of records only read, and of answers, bounded; called before reads, never inside one. */
    private void bound() {
        open();
        if (cs.full() || mv.full() || exports.full() || answers.size() + owners.size() > Overlay.CACHE_LIMIT) {
            cs.dropClean();
            mv.dropClean();
            exports.dropClean();
            answers.clear();
            owners.clear();
        }
    }

    /**
     * Rows of a query whose columns are seq, id, data; each record is remembered as read. Cached under {@code key}
     * for the rest of the transaction.
     */
    private <T> List<Row> answer(
            String key, Overlay<T> overlay, Function<byte[], T> decode, String sql, Object... params) {
        List<Row> cached = answers.get(key);
        if (cached != null) {
            return cached;
        }
        List<Row> rows = sql(() -> {
            List<Row> list = new ArrayList<>();
            try (ResultSet r = ps(sql, params).executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    UUID id = r.getObject(2, UUID.class);
                    if (overlay.get(id) == null) {
                        overlay.loaded(id, seq, decode.apply(r.getBytes(3)));
                    }
                    list.add(new Row(seq, id));
                }
            }
            return list;
        });
        answers.put(key, rows);
        return rows;
    }

    /** The one row of a unique lookup (seq, id, data), or null; cached under {@code key}. */
    private Row owner(String key, String sql, Object... params) {
        Row cached = owners.get(key);
        if (cached == null) {
            List<Row> rows = sql(() -> {
                List<Row> list = new ArrayList<>();
                try (ResultSet r = ps(sql, params).executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(1);
                        UUID id = r.getObject(2, UUID.class);
                        cs.loaded(id, seq, Codec.cs(r.getBytes(3)));
                        list.add(new Row(seq, id));
                    }
                }
                return list;
            });
            cached = rows.isEmpty() ? NONE : rows.get(0);
            owners.put(key, cached);
        }
        return cached == NONE ? null : cached;
    }

    private static String key(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p).append('\u0000');
        }
        return b.toString();
    }

    // ---- connector space ----

    private Slot<CsObject> csSlot(UUID id) {
        return slot(cs, "SELECT seq, data FROM cs WHERE id = ?", Codec::cs, id);
    }

    /** The slot of a record, read from the database (seq, data by id) unless the transaction has it. */
    private <T> Slot<T> slot(Overlay<T> overlay, String sql, Function<byte[], T> decode, UUID id) {
        Slot<T> s = overlay.get(id);
        if (s != null) {
            return s;
        }
        return sql(() -> {
            try (ResultSet r = ps(sql, id).executeQuery()) {
                return r.next() ? overlay.loaded(id, r.getLong(1), decode.apply(r.getBytes(2))) : overlay.absent(id);
            }
        });
    }

    @Override
    public Optional<CsObject> cs(UUID id) {
        bound();
        return Optional.ofNullable(csSlot(id).now);
    }

    @Override
    public void prefetchCs(Collection<UUID> ids) {
        bound();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            if (cs.get(id) == null || exports.get(id) == null) {
                missing.add(id);
            }
        }
        for (int i = 0; i < missing.size(); i += IN_CHUNK) {
            List<UUID> chunk = missing.subList(i, Math.min(missing.size(), i + IN_CHUNK));
            sqlVoid(() -> {
                java.sql.Array array = connection.createArrayOf(store.uuidType(), chunk.toArray());
                PreparedStatement s = store.statement("SELECT seq, id, data FROM cs WHERE id = ANY(?)");
                s.setArray(1, array);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        cs.loaded(r.getObject(2, UUID.class), r.getLong(1), Codec.cs(r.getBytes(3)));
                    }
                }
                s = store.statement("SELECT seq, cs_id, data FROM pending_export WHERE cs_id = ANY(?)");
                s.setArray(1, array);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        exports.loaded(r.getObject(2, UUID.class), r.getLong(1), Codec.export(r.getBytes(3)));
                    }
                }
            });
            for (UUID id : chunk) {
                cs.absent(id);
                exports.absent(id);
            }
        }
    }

    @Override
    public Optional<CsObject> csByAnchor(String connector, Anchor anchor) {
        bound();
        return Optional.ofNullable(anchorOwner(connector, anchor.value())).map(id -> cs.get(id).now);
    }

    @Override
    public Optional<CsObject> csByDn(String connector, String dn) {
        bound();
        return Optional.ofNullable(dnOwner(connector, Keys.dn(dn))).map(id -> cs.get(id).now);
    }

    private UUID anchorOwner(String connector, String anchor) {
        UUID written = csAnchors.get(key(connector, anchor));
        if (written != null) {
            return written;
        }
        Row db = owner(
                key("A", connector, anchor),
                "SELECT seq, id, data FROM cs WHERE connector = ? AND anchor = ?",
                connector,
                anchor);
        return db == null || cs.isDirty(db.id()) ? null : csSlot(db.id()).id;
    }

    private UUID dnOwner(String connector, String dnKey) {
        UUID written = csDns.get(key(connector, dnKey));
        if (written != null) {
            return written;
        }
        Row db = owner(
                key("D", connector, dnKey),
                "SELECT seq, id, data FROM cs WHERE connector = ? AND dn_key = ?",
                connector,
                dnKey);
        return db == null || cs.isDirty(db.id()) ? null : csSlot(db.id()).id;
    }

    @Override
    public List<UUID> csIds(String connector) {
        bound();
        List<Row> rows = rows("SELECT seq, id FROM cs WHERE connector = ? ORDER BY seq", connector);
        return cs.merge(rows, writtenCs(o -> o.connector().equals(connector)));
    }

    @Override
    public int csCount(String connector) {
        bound();
        int n = count("SELECT COUNT(*) FROM cs WHERE connector = ?", connector);
        for (Slot<CsObject> s : cs.dirty()) {
            n += (s.now != null && s.now.connector().equals(connector) ? 1 : 0)
                    - (s.db != null && s.db.connector().equals(connector) ? 1 : 0);
        }
        return n;
    }

    @Override
    public List<UUID> pendingImports(String connector) {
        bound();
        List<Row> rows = rows("SELECT seq, id FROM cs WHERE connector = ? AND pending > 0 ORDER BY seq", connector);
        return cs.merge(
                rows, writtenCs(o -> o.connector().equals(connector) && o.pendingImport() != PendingImport.NONE));
    }

    private List<UUID> writtenCs(java.util.function.Predicate<CsObject> filter) {
        List<UUID> ids = new ArrayList<>();
        for (Slot<CsObject> s : cs.dirty()) {
            if (s.now != null && filter.test(s.now)) {
                ids.add(s.id);
            }
        }
        return ids;
    }

    private List<Row> rows(String sql, Object... params) {
        return sql(() -> {
            List<Row> list = new ArrayList<>();
            try (ResultSet r = ps(sql, params).executeQuery()) {
                while (r.next()) {
                    list.add(new Row(r.getLong(1), r.getObject(2, UUID.class)));
                }
            }
            return list;
        });
    }

    @Override
    public List<UUID> csLinkedTo(UUID mvId) {
        bound();
        Slot<MvObject> m = mv.get(mvId);
        List<Row> db = m != null && m.db == null
                ? List.of() // a metaverse object the database does not hold has no links there
                : answer(
                        key("L", mvId),
                        cs,
                        Codec::cs,
                        "SELECT seq, id, data FROM cs WHERE mv_id = ? ORDER BY seq",
                        mvId);
        return cs.merge(db, csByMv.get(mvId));
    }

    @Override
    public List<UUID> csReferencing(String connector, String dn) {
        bound();
        String dnKey = Keys.dn(dn);
        List<Row> db = answer(
                key("R", connector, dnKey),
                cs,
                Codec::cs,
                "SELECT r.seq, r.cs_id, c.data FROM cs_ref r JOIN cs c ON c.seq = r.seq"
                        + " WHERE r.connector = ? AND r.dn_key = ? ORDER BY r.seq",
                connector,
                dnKey);
        return cs.merge(db, csRefs.get(key(connector, dnKey)));
    }

    @Override
    public List<UUID> findCs(String connector, String attribute, AttributeValue value) {
        bound();
        String a = Keys.attribute(attribute);
        ensureCsIndexed(connector, a);
        String v = Keys.value(value);
        List<Row> db = answer(
                key("V", connector, a, v),
                cs,
                Codec::cs,
                "SELECT x.seq, x.cs_id, c.data FROM cs_value x JOIN cs c ON c.seq = x.seq"
                        + " WHERE x.connector = ? AND x.attribute = ? AND x.value_key = ? ORDER BY x.seq",
                connector,
                a,
                v);
        return cs.merge(db, csValues.get(key(connector, a, v)));
    }

    void ensureCsIndexed(String connector, String attribute) {
        String a = Keys.attribute(attribute);
        String key = JdbcSyncStore.csIndexKey(connector, a);
        if (store.isCsIndexed(key) || newCsIndexed.contains(key)) {
            return;
        }
        sqlVoid(() -> {
            update("INSERT INTO cs_indexed (connector, attribute) VALUES (?, ?)", connector, a);
            PreparedStatement insert = store.statement(
                    "INSERT INTO cs_value (connector, attribute, value_key, seq, cs_id) VALUES (?, ?, ?, ?, ?)");
            try (ResultSet r = ps("SELECT seq, data FROM cs WHERE connector = ?", connector)
                    .executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    CsObject o = Codec.cs(r.getBytes(2));
                    for (String v : valueKeys(o.values(a))) {
                        addBatch(insert, connector, a, v, seq, o.id());
                    }
                }
            }
            insert.executeBatch();
        });
        newCsIndexed.add(key);
        for (Slot<CsObject> s : cs.dirty()) {
            if (s.now != null && s.now.connector().equals(connector)) {
                for (String v : valueKeys(s.now.values(a))) {
                    csValues.add(key(connector, a, v), s.id);
                }
            }
        }
    }

    private boolean csIndexed(String connector, String attribute) {
        String key = JdbcSyncStore.csIndexKey(connector, attribute);
        return store.isCsIndexed(key) || newCsIndexed.contains(key);
    }

    @Override
    public void putCs(CsObject object) {
        Objects.requireNonNull(object, "object");
        bound();
        writeCs(csSlot(object.id()), object);
    }

    @Override
    public void insertCs(CsObject object) {
        Objects.requireNonNull(object, "object");
        bound();
        writeCs(cs.absent(object.id()), object);
    }

    private void writeCs(Slot<CsObject> slot, CsObject object) {
        CsObject before = slot.now;
        String dnKey = Keys.dn(object.dn());
        String anchor = object.anchor() == null ? null : object.anchor().value();
        boolean sameKeys = before != null
                && before.connector().equals(object.connector())
                && Objects.equals(before.anchor(), object.anchor())
                && Keys.dn(before.dn()).equals(dnKey);
        if (!sameKeys) {
            UUID holder = anchor == null ? null : anchorOwner(object.connector(), anchor);
            if (holder != null && !holder.equals(object.id())) {
                throw new IllegalStateException(object.connector() + " already holds anchor " + anchor);
            }
            holder = dnOwner(object.connector(), dnKey);
            if (holder != null && !holder.equals(object.id())) {
                throw new IllegalStateException(object.connector() + " already holds DN " + object.dn());
            }
        }
        if (slot.dirty && before != null) {
            indexCs(before, false);
        }
        if (before == null) {
            slot.seq = store.seq.getAndIncrement();
        }
        cs.markDirty(slot);
        slot.now = object;
        indexCs(object, true);
    }

    /** Adds an object to, or removes it from, the indexes over written records. */
    private void indexCs(CsObject o, boolean add) {
        String c = o.connector();
        UUID id = o.id();
        if (o.anchor() != null) {
            mapIndex(csAnchors, key(c, o.anchor().value()), id, add);
        }
        mapIndex(csDns, key(c, Keys.dn(o.dn())), id, add);
        if (o.link() != null) {
            index(csByMv, o.link().mvId(), id, add);
        }
        for (Map.Entry<String, List<AttributeValue>> e : o.attributes().entrySet()) {
            String a = Keys.attribute(e.getKey());
            if (csIndexed(c, a)) {
                for (String v : valueKeys(e.getValue())) {
                    index(csValues, key(c, a, v), id, add);
                }
            }
        }
        for (String dn : refKeys(o)) {
            index(csRefs, key(c, dn), id, add);
        }
    }

    private static <K> void mapIndex(Map<K, UUID> map, K key, UUID id, boolean add) {
        if (add) {
            map.put(key, id);
        } else {
            map.remove(key, id);
        }
    }

    private static <K> void index(Overlay.Index<K> index, K key, UUID id, boolean add) {
        if (add) {
            index.add(key, id);
        } else {
            index.remove(key, id);
        }
    }

    private static Set<String> refKeys(CsObject o) {
        Set<String> keys = new LinkedHashSet<>();
        for (List<AttributeValue> values : o.attributes().values()) {
            for (AttributeValue v : values) {
                if (v instanceof AttributeValue.Reference r) {
                    keys.add(Keys.dn(r.dn()));
                }
            }
        }
        return keys;
    }

    /** The value index rows of an object: attribute and value key, for the attributes indexed. */
    private Set<List<String>> valueRows(CsObject o) {
        Set<List<String>> rows = new LinkedHashSet<>();
        for (Map.Entry<String, List<AttributeValue>> e : o.attributes().entrySet()) {
            String a = Keys.attribute(e.getKey());
            if (csIndexed(o.connector(), a)) {
                for (String v : valueKeys(e.getValue())) {
                    rows.add(List.of(a, v));
                }
            }
        }
        return rows;
    }

    private static Set<String> valueKeys(List<AttributeValue> values) {
        Set<String> keys = new LinkedHashSet<>();
        for (AttributeValue v : values) {
            keys.add(Keys.value(v));
        }
        return keys;
    }

    private static void addBatch(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        s.addBatch();
    }

    @Override
    public void removeCs(UUID id) {
        bound();
        Slot<CsObject> slot = csSlot(id);
        if (slot.now == null) {
            return;
        }
        removePendingExport(id);
        if (slot.dirty) {
            indexCs(slot.now, false);
        }
        cs.markDirty(slot);
        slot.now = null;
    }

    // ---- metaverse ----

    private Slot<MvObject> mvSlot(UUID id) {
        return slot(mv, "SELECT seq, data FROM mv WHERE id = ?", Codec::mv, id);
    }

    @Override
    public Optional<MvObject> mv(UUID id) {
        bound();
        return Optional.ofNullable(mvSlot(id).now);
    }

    @Override
    public List<UUID> findMv(String objectType, String attribute, AttributeValue value) {
        bound();
        String a = Keys.attribute(attribute);
        ensureMvIndexed(a);
        String v = Keys.value(value);
        List<Row> db = answer(
                key("M", a, v),
                mv,
                Codec::mv,
                "SELECT x.seq, x.mv_id, m.data FROM mv_value x JOIN mv m ON m.seq = x.seq"
                        + " WHERE x.attribute = ? AND x.value_key = ? ORDER BY x.seq",
                a,
                v);
        List<UUID> ids = mv.merge(db, mvValues.get(key(a, v)));
        if (objectType != null) {
            ids.removeIf(id -> !mvSlot(id).now.objectType().equals(objectType));
        }
        return ids;
    }

    void ensureMvIndexed(String attribute) {
        String a = Keys.attribute(attribute);
        if (mvIndexed(a)) {
            return;
        }
        sqlVoid(() -> {
            update("INSERT INTO mv_indexed (attribute) VALUES (?)", a);
            PreparedStatement insert =
                    store.statement("INSERT INTO mv_value (attribute, value_key, seq, mv_id) VALUES (?, ?, ?, ?)");
            try (ResultSet r = ps("SELECT seq, data FROM mv").executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    MvObject o = Codec.mv(r.getBytes(2));
                    for (String v : valueKeys(o.values(a))) {
                        addBatch(insert, a, v, seq, o.id());
                    }
                }
            }
            insert.executeBatch();
        });
        newMvIndexed.add(a);
        for (Slot<MvObject> s : mv.dirty()) {
            if (s.now != null) {
                for (String v : valueKeys(s.now.values(a))) {
                    mvValues.add(key(a, v), s.id);
                }
            }
        }
    }

    private boolean mvIndexed(String attribute) {
        return store.isMvIndexed(attribute) || newMvIndexed.contains(attribute);
    }

    @Override
    public List<UUID> mvReferencing(UUID mvId) {
        bound();
        Slot<MvObject> m = mv.get(mvId);
        List<Row> db = m != null && m.db == null
                ? List.of() // nothing in the database refers to an object it never held
                : answer(
                        key("T", mvId),
                        mv,
                        Codec::mv,
                        "SELECT r.seq, r.mv_id, m.data FROM mv_ref r JOIN mv m ON m.seq = r.seq"
                                + " WHERE r.target = ? ORDER BY r.seq",
                        mvId);
        return mv.merge(db, mvRefs.get(mvId));
    }

    @Override
    public int mvCount() {
        bound();
        int n = count("SELECT COUNT(*) FROM mv");
        for (Slot<MvObject> s : mv.dirty()) {
            n += (s.now != null ? 1 : 0) - (s.db != null ? 1 : 0);
        }
        return n;
    }

    @Override
    public void putMv(MvObject object) {
        Objects.requireNonNull(object, "object");
        bound();
        writeMv(mvSlot(object.id()), object);
    }

    @Override
    public void insertMv(MvObject object) {
        Objects.requireNonNull(object, "object");
        bound();
        writeMv(mv.absent(object.id()), object);
    }

    private void writeMv(Slot<MvObject> slot, MvObject object) {
        if (slot.dirty && slot.now != null) {
            indexMv(slot.now, false);
        }
        if (slot.now == null) {
            slot.seq = store.seq.getAndIncrement();
        }
        mv.markDirty(slot);
        slot.now = object;
        indexMv(object, true);
    }

    private void indexMv(MvObject o, boolean add) {
        for (Map.Entry<String, MvAttribute> e : o.attributes().entrySet()) {
            String a = Keys.attribute(e.getKey());
            if (mvIndexed(a)) {
                for (String v : valueKeys(e.getValue().values())) {
                    index(mvValues, key(a, v), o.id(), add);
                }
            }
        }
        for (UUID target : mvTargets(o)) {
            index(mvRefs, target, o.id(), add);
        }
    }

    private static Set<UUID> mvTargets(MvObject o) {
        Set<UUID> targets = new LinkedHashSet<>();
        for (MvAttribute a : o.attributes().values()) {
            for (AttributeValue v : a.values()) {
                UUID target = Keys.referencedId(v);
                if (target != null) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    private Set<List<String>> valueRows(MvObject o) {
        Set<List<String>> rows = new LinkedHashSet<>();
        for (Map.Entry<String, MvAttribute> e : o.attributes().entrySet()) {
            String a = Keys.attribute(e.getKey());
            if (mvIndexed(a)) {
                for (String v : valueKeys(e.getValue().values())) {
                    rows.add(List.of(a, v));
                }
            }
        }
        return rows;
    }

    @Override
    public void removeMv(UUID id) {
        bound();
        if (!csLinkedTo(id).isEmpty()) {
            throw new IllegalStateException("connector-space objects are still linked to " + id);
        }
        Slot<MvObject> slot = mvSlot(id);
        if (slot.now == null) {
            return;
        }
        if (slot.dirty) {
            indexMv(slot.now, false);
        }
        mv.markDirty(slot);
        slot.now = null;
    }

    // ---- pending exports ----

    private Slot<PendingExport> exportSlot(UUID csId) {
        Slot<CsObject> owner = cs.get(csId);
        if (exports.get(csId) == null && owner != null && owner.db == null) {
            return exports.absent(csId); // the database holds no export of an object it does not hold
        }
        return slot(exports, "SELECT seq, data FROM pending_export WHERE cs_id = ?", Codec::export, csId);
    }

    @Override
    public Optional<PendingExport> pendingExport(UUID csId) {
        bound();
        return Optional.ofNullable(exportSlot(csId).now);
    }

    @Override
    public List<PendingExport> pendingExports(String connector) {
        bound();
        record Staged(long seq, PendingExport export) {}
        List<Staged> list = new ArrayList<>();
        sqlVoid(() -> {
            try (ResultSet r = ps(
                            "SELECT seq, cs_id, data FROM pending_export WHERE connector = ? ORDER BY seq", connector)
                    .executeQuery()) {
                while (r.next()) {
                    if (!exports.isDirty(r.getObject(2, UUID.class))) {
                        list.add(new Staged(r.getLong(1), Codec.export(r.getBytes(3))));
                    }
                }
            }
        });
        boolean written = false;
        for (Slot<PendingExport> s : exports.dirty()) {
            if (s.now != null && s.now.connector().equals(connector)) {
                list.add(new Staged(s.seq, s.now));
                written = true;
            }
        }
        if (written) {
            list.sort(Comparator.comparingLong(Staged::seq));
        }
        List<PendingExport> result = new ArrayList<>(list.size());
        list.forEach(s -> result.add(s.export()));
        return result;
    }

    @Override
    public void forEachPendingExport(String connector, java.util.function.Consumer<PendingExport> action) {
        bound();
        if (exports.hasDirty()) {
            pendingExports(connector).forEach(action);
            return;
        }
        sqlVoid(() -> {
            PreparedStatement s = ps("SELECT data FROM pending_export WHERE connector = ? ORDER BY seq", connector);
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    action.accept(Codec.export(r.getBytes(1)));
                }
            }
        });
    }

    @Override
    public void putPendingExport(PendingExport export) {
        Objects.requireNonNull(export, "export");
        bound();
        if (csSlot(export.csId()).now == null) {
            throw new IllegalStateException("no connector-space object " + export.csId());
        }
        Slot<PendingExport> slot = exportSlot(export.csId());
        if (slot.now == null) {
            slot.seq = store.seq.getAndIncrement();
        }
        exports.markDirty(slot);
        slot.now = export;
    }

    @Override
    public void removePendingExport(UUID csId) {
        bound();
        Slot<PendingExport> slot = exportSlot(csId);
        if (slot.now != null) {
            exports.markDirty(slot);
            slot.now = null;
        }
    }

    // ---- watermarks ----

    @Override
    public Watermark watermark(String connector) {
        return sql(() -> {
            try (ResultSet r = ps("SELECT token FROM watermark WHERE connector = ?", connector)
                    .executeQuery()) {
                return r.next() ? new Watermark(r.getString(1)) : Watermark.NONE;
            }
        });
    }

    @Override
    public void saveWatermark(String connector, Watermark watermark) {
        Objects.requireNonNull(watermark, "watermark");
        sqlVoid(() -> {
            if (update("UPDATE watermark SET token = ? WHERE connector = ?", watermark.token(), connector) == 0) {
                update("INSERT INTO watermark (connector, token) VALUES (?, ?)", connector, watermark.token());
            }
        });
    }

    // ---- rule fingerprints ----

    @Override
    public Optional<String> rulesFingerprint(String connector) {
        return sql(() -> {
            try (ResultSet r = ps("SELECT fingerprint FROM rules_fingerprint WHERE connector = ?", connector)
                    .executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public void saveRulesFingerprint(String connector, String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        sqlVoid(() -> {
            if (update("UPDATE rules_fingerprint SET fingerprint = ? WHERE connector = ?", fingerprint, connector)
                    == 0) {
                update("INSERT INTO rules_fingerprint (connector, fingerprint) VALUES (?, ?)", connector, fingerprint);
            }
        });
    }

    // ---- run history ----

    @Override
    public void putRun(RunRecord run) {
        Objects.requireNonNull(run, "run");
        sqlVoid(() -> {
            byte[] data = Codec.run(run);
            if (update("UPDATE run SET connector = ?, data = ? WHERE id = ?", run.connector(), data, run.id()) == 0) {
                update(
                        "INSERT INTO run (id, seq, connector, data) VALUES (?, ?, ?, ?)",
                        run.id(),
                        store.seq.getAndIncrement(),
                        run.connector(),
                        data);
            }
        });
    }

    @Override
    public Optional<RunRecord> run(UUID id) {
        return sql(() -> {
            try (ResultSet r = ps("SELECT data FROM run WHERE id = ?", id).executeQuery()) {
                return r.next() ? Optional.of(Codec.run(r.getBytes(1))) : Optional.<RunRecord>empty();
            }
        });
    }

    @Override
    public List<RunRecord> runs(String connector) {
        return sql(() -> {
            List<RunRecord> list = new ArrayList<>();
            PreparedStatement s = connector == null
                    ? ps("SELECT data FROM run ORDER BY seq")
                    : ps("SELECT data FROM run WHERE connector = ? ORDER BY seq", connector);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(Codec.run(r.getBytes(1)));
                }
            }
            list.sort(Comparator.comparing(RunRecord::start));
            return list;
        });
    }

    @Override
    public void addError(ObjectError error) {
        Objects.requireNonNull(error, "error");
        sqlVoid(() -> update(
                "INSERT INTO run_error (run_id, seq, data) VALUES (?, ?, ?)",
                error.runId(),
                store.seq.getAndIncrement(),
                Codec.error(error)));
    }

    @Override
    public List<ObjectError> errors(UUID runId) {
        return sql(() -> {
            List<ObjectError> list = new ArrayList<>();
            try (ResultSet r = ps("SELECT data FROM run_error WHERE run_id = ? ORDER BY seq", runId)
                    .executeQuery()) {
                while (r.next()) {
                    list.add(Codec.error(r.getBytes(1)));
                }
            }
            return list;
        });
    }

    // ---- writing on commit ----

    /** Writes every record the transaction wrote, in JDBC batches: removals first, then changes, then additions. */
    private void write() throws SQLException {
        Batches b = new Batches();
        for (Slot<CsObject> s : cs.dirty()) {
            writeCs(b, s);
        }
        for (Slot<MvObject> s : mv.dirty()) {
            writeMv(b, s);
        }
        for (Slot<PendingExport> s : exports.dirty()) {
            writeExport(b, s);
        }
        b.execute();
    }

    private void writeCs(Batches b, Slot<CsObject> s) throws SQLException {
        CsObject db = s.db;
        CsObject now = s.now;
        boolean sameRow = db != null && now != null && s.seq == s.dbSeq;
        if (db != null && !sameRow) {
            b.add(0, "DELETE FROM cs WHERE seq = ?", s.dbSeq);
            b.add(1, "DELETE FROM cs_value WHERE seq = ?", s.dbSeq);
            b.add(1, "DELETE FROM cs_ref WHERE seq = ?", s.dbSeq);
        }
        if (now == null) {
            return;
        }
        String anchor = now.anchor() == null ? null : now.anchor().value();
        UUID mvId = now.link() == null ? null : now.link().mvId();
        short pending = (short) now.pendingImport().ordinal();
        boolean indexRows = true;
        if (sameRow) {
            if (now.equals(db)) {
                return;
            }
            if (!db.connector().equals(now.connector())
                    || !Objects.equals(db.anchor(), now.anchor())
                    || !Keys.dn(db.dn()).equals(Keys.dn(now.dn()))) {
                // frees the old keys first, so that objects trading anchors or DNs do not collide
                b.add(
                        2,
                        "UPDATE cs SET anchor = NULL, dn_key = ? WHERE seq = ?",
                        "\u0001" + s.seq,
                        s.seq); // no lower-cased DN starts with U+0001
            }
            b.add(
                    3,
                    "UPDATE cs SET connector = ?, anchor = ?, dn_key = ?, mv_id = ?, pending = ?, data = ? WHERE seq = ?",
                    now.connector(),
                    anchor,
                    Keys.dn(now.dn()),
                    mvId,
                    pending,
                    Codec.cs(now),
                    s.seq);
            indexRows = !db.connector().equals(now.connector())
                    || !valueRows(db).equals(valueRows(now))
                    || !refKeys(db).equals(refKeys(now));
            if (indexRows) {
                b.add(1, "DELETE FROM cs_value WHERE seq = ?", s.seq);
                b.add(1, "DELETE FROM cs_ref WHERE seq = ?", s.seq);
            }
        } else {
            b.add(
                    4,
                    "INSERT INTO cs (" + CS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    s.seq,
                    now.id(),
                    now.connector(),
                    anchor,
                    Keys.dn(now.dn()),
                    mvId,
                    pending,
                    Codec.cs(now));
        }
        if (indexRows) {
            for (List<String> row : valueRows(now)) {
                b.add(
                        5,
                        "INSERT INTO cs_value (connector, attribute, value_key, seq, cs_id) VALUES (?, ?, ?, ?, ?)",
                        now.connector(),
                        row.get(0),
                        row.get(1),
                        s.seq,
                        now.id());
            }
            for (String dn : refKeys(now)) {
                b.add(
                        5,
                        "INSERT INTO cs_ref (connector, dn_key, seq, cs_id) VALUES (?, ?, ?, ?)",
                        now.connector(),
                        dn,
                        s.seq,
                        now.id());
            }
        }
    }

    private void writeMv(Batches b, Slot<MvObject> s) throws SQLException {
        MvObject db = s.db;
        MvObject now = s.now;
        boolean sameRow = db != null && now != null && s.seq == s.dbSeq;
        if (db != null && !sameRow) {
            b.add(0, "DELETE FROM mv WHERE seq = ?", s.dbSeq);
            b.add(1, "DELETE FROM mv_value WHERE seq = ?", s.dbSeq);
            b.add(1, "DELETE FROM mv_ref WHERE seq = ?", s.dbSeq);
        }
        if (now == null) {
            return;
        }
        boolean indexRows = true;
        if (sameRow) {
            if (now.equals(db)) {
                return;
            }
            b.add(3, "UPDATE mv SET object_type = ?, data = ? WHERE seq = ?", now.objectType(), Codec.mv(now), s.seq);
            indexRows = !valueRows(db).equals(valueRows(now)) || !mvTargets(db).equals(mvTargets(now));
            if (indexRows) {
                b.add(1, "DELETE FROM mv_value WHERE seq = ?", s.seq);
                b.add(1, "DELETE FROM mv_ref WHERE seq = ?", s.seq);
            }
        } else {
            b.add(
                    4,
                    "INSERT INTO mv (id, seq, object_type, data) VALUES (?, ?, ?, ?)",
                    now.id(),
                    s.seq,
                    now.objectType(),
                    Codec.mv(now));
        }
        if (indexRows) {
            for (List<String> row : valueRows(now)) {
                b.add(
                        5,
                        "INSERT INTO mv_value (attribute, value_key, seq, mv_id) VALUES (?, ?, ?, ?)",
                        row.get(0),
                        row.get(1),
                        s.seq,
                        now.id());
            }
            for (UUID target : mvTargets(now)) {
                b.add(5, "INSERT INTO mv_ref (target, seq, mv_id) VALUES (?, ?, ?)", target, s.seq, now.id());
            }
        }
    }

    private void writeExport(Batches b, Slot<PendingExport> s) throws SQLException {
        PendingExport db = s.db;
        PendingExport now = s.now;
        boolean sameRow = db != null && now != null && s.seq == s.dbSeq;
        if (db != null && !sameRow) {
            b.add(0, "DELETE FROM pending_export WHERE cs_id = ?", s.id);
        }
        if (now == null) {
            return;
        }
        if (sameRow) {
            if (!now.equals(db)) {
                b.add(
                        3,
                        "UPDATE pending_export SET connector = ?, data = ? WHERE cs_id = ?",
                        now.connector(),
                        Codec.export(now),
                        s.id);
            }
        } else {
            b.add(
                    4,
                    "INSERT INTO pending_export (cs_id, connector, seq, data) VALUES (?, ?, ?, ?)",
                    s.id,
                    now.connector(),
                    s.seq,
                    Codec.export(now));
        }
    }

    /** JDBC batches by phase: every statement of a lower phase runs before any of a higher one. */
    private final class Batches {
        private final List<Map<String, PreparedStatement>> phases = new ArrayList<>();

        void add(int phase, String sql, Object... params) throws SQLException {
            while (phases.size() <= phase) {
                phases.add(new java.util.LinkedHashMap<>());
            }
            PreparedStatement s = phases.get(phase).get(sql);
            if (s == null) {
                s = store.statement(sql);
                phases.get(phase).put(sql, s);
            }
            addBatch(s, params);
        }

        void execute() throws SQLException {
            for (Map<String, PreparedStatement> phase : phases) {
                for (PreparedStatement s : phase.values()) {
                    s.executeBatch();
                }
            }
        }
    }

    // ---- lifecycle ----

    @Override
    public void commit() {
        open();
        try {
            if (wrote || cs.hasDirty() || mv.hasDirty() || exports.hasDirty()) {
                store.claimWriter(connection);
            }
            write();
            connection.commit();
        } catch (SQLException | StoreException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is dropped below
            }
            store.dropConnection();
            end(false);
            if (e instanceof StoreException refused) {
                throw refused;
            }
            throw new StoreException("commit failed; nothing of the transaction was saved", e);
        }
        end(true);
    }

    @Override
    public void rollback() {
        open();
        try {
            connection.rollback();
        } catch (SQLException e) {
            store.dropConnection();
            end(false);
            throw new StoreException("rollback failed", e);
        }
        end(false);
    }

    @Override
    public void close() {
        if (!done) {
            rollback();
        }
    }

    private void end(boolean committed) {
        done = true;
        store.ended(this, committed ? newCsIndexed : Set.of(), committed ? newMvIndexed : Set.of());
    }
}
