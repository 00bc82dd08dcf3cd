package dev.joinery.store;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvAttribute;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.store.SyncTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One database transaction. Writes go to the database at once (index rows in JDBC batches), so every query sees the
 * transaction's own writes; commit and rollback are the database's. Not thread-safe.
 */
final class JdbcTransaction implements SyncTransaction {
    private static final String CS_COLUMNS = "id, seq, connector, anchor, dn_key, mv_id, pending, data";

    private final JdbcSyncStore store;
    private final Connection connection;
    private final Set<String> newCsIndexed = new HashSet<>();
    private final Set<String> newMvIndexed = new HashSet<>();
    private boolean done;

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

    private <T> T sql(Work<T> work) {
        if (done) {
            throw new IllegalStateException("the transaction has ended");
        }
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

    private List<UUID> ids(String sql, Object... params) {
        return sql(() -> {
            List<UUID> list = new ArrayList<>();
            try (ResultSet r = ps(sql, params).executeQuery()) {
                while (r.next()) {
                    list.add(r.getObject(1, UUID.class));
                }
            }
            return list;
        });
    }

    private Optional<byte[]> data(String sql, Object... params) {
        return sql(() -> {
            try (ResultSet r = ps(sql, params).executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        });
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
        return ps(sql, params).executeUpdate();
    }

    // ---- connector space ----

    @Override
    public Optional<CsObject> cs(UUID id) {
        return data("SELECT data FROM cs WHERE id = ?", id).map(Codec::cs);
    }

    @Override
    public Optional<CsObject> csByAnchor(String connector, Anchor anchor) {
        return data("SELECT data FROM cs WHERE connector = ? AND anchor = ?", connector, anchor.value())
                .map(Codec::cs);
    }

    @Override
    public Optional<CsObject> csByDn(String connector, String dn) {
        return data("SELECT data FROM cs WHERE connector = ? AND dn_key = ?", connector, Keys.dn(dn))
                .map(Codec::cs);
    }

    @Override
    public List<UUID> csIds(String connector) {
        return ids("SELECT id FROM cs WHERE connector = ? ORDER BY seq", connector);
    }

    @Override
    public int csCount(String connector) {
        return count("SELECT COUNT(*) FROM cs WHERE connector = ?", connector);
    }

    @Override
    public List<UUID> pendingImports(String connector) {
        return ids("SELECT id FROM cs WHERE connector = ? AND pending > 0 ORDER BY seq", connector);
    }

    @Override
    public List<UUID> csLinkedTo(UUID mvId) {
        return ids("SELECT id FROM cs WHERE mv_id = ? ORDER BY seq", mvId);
    }

    @Override
    public List<UUID> csReferencing(String connector, String dn) {
        return ids("SELECT cs_id FROM cs_ref WHERE connector = ? AND dn_key = ? ORDER BY seq", connector, Keys.dn(dn));
    }

    @Override
    public List<UUID> findCs(String connector, String attribute, AttributeValue value) {
        String a = Keys.attribute(attribute);
        ensureCsIndexed(connector, a);
        return ids(
                "SELECT cs_id FROM cs_value WHERE connector = ? AND attribute = ? AND value_key = ? ORDER BY seq",
                connector,
                a,
                Keys.value(value));
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
    }

    private boolean csIndexed(String connector, String attribute) {
        String key = JdbcSyncStore.csIndexKey(connector, attribute);
        return store.isCsIndexed(key) || newCsIndexed.contains(key);
    }

    @Override
    public void putCs(CsObject object) {
        Objects.requireNonNull(object, "object");
        String dnKey = Keys.dn(object.dn());
        String anchor = object.anchor() == null ? null : object.anchor().value();
        sqlVoid(() -> {
            Long seq = null;
            PreparedStatement find = anchor == null
                    ? ps(
                            "SELECT id, seq, 'i' FROM cs WHERE id = ?"
                                    + " UNION ALL SELECT id, seq, 'd' FROM cs WHERE connector = ? AND dn_key = ?",
                            object.id(),
                            object.connector(),
                            dnKey)
                    : ps(
                            "SELECT id, seq, 'i' FROM cs WHERE id = ?"
                                    + " UNION ALL SELECT id, seq, 'a' FROM cs WHERE connector = ? AND anchor = ?"
                                    + " UNION ALL SELECT id, seq, 'd' FROM cs WHERE connector = ? AND dn_key = ?",
                            object.id(),
                            object.connector(),
                            anchor,
                            object.connector(),
                            dnKey);
            try (ResultSet r = find.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    String how = r.getString(3);
                    if (id.equals(object.id())) {
                        seq = r.getLong(2);
                    } else if (how.equals("a")) {
                        throw new IllegalStateException(object.connector() + " already holds anchor " + anchor);
                    } else if (how.equals("d")) {
                        throw new IllegalStateException(object.connector() + " already holds DN " + object.dn());
                    }
                }
            }
            UUID mvId = object.link() == null ? null : object.link().mvId();
            short pending = (short) object.pendingImport().ordinal();
            byte[] data = Codec.cs(object);
            if (seq != null) {
                unindexCs(seq);
                update(
                        "UPDATE cs SET connector = ?, anchor = ?, dn_key = ?, mv_id = ?, pending = ?, data = ?"
                                + " WHERE id = ?",
                        object.connector(),
                        anchor,
                        dnKey,
                        mvId,
                        pending,
                        data,
                        object.id());
            } else {
                seq = store.seq.getAndIncrement();
                update(
                        "INSERT INTO cs (" + CS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        object.id(),
                        seq,
                        object.connector(),
                        anchor,
                        dnKey,
                        mvId,
                        pending,
                        data);
            }
            indexCs(object, seq);
        });
    }

    private void indexCs(CsObject o, long seq) throws SQLException {
        PreparedStatement values = null;
        PreparedStatement refs = null;
        Set<String> refKeys = new LinkedHashSet<>();
        for (Map.Entry<String, List<AttributeValue>> e : o.attributes().entrySet()) {
            String a = Keys.attribute(e.getKey());
            if (csIndexed(o.connector(), a)) {
                for (String v : valueKeys(e.getValue())) {
                    if (values == null) {
                        values = store.statement("INSERT INTO cs_value (connector, attribute, value_key, seq, cs_id)"
                                + " VALUES (?, ?, ?, ?, ?)");
                    }
                    addBatch(values, o.connector(), a, v, seq, o.id());
                }
            }
            for (AttributeValue v : e.getValue()) {
                if (v instanceof AttributeValue.Reference r) {
                    refKeys.add(Keys.dn(r.dn()));
                }
            }
        }
        for (String dn : refKeys) {
            if (refs == null) {
                refs = store.statement("INSERT INTO cs_ref (connector, dn_key, seq, cs_id) VALUES (?, ?, ?, ?)");
            }
            addBatch(refs, o.connector(), dn, seq, o.id());
        }
        if (values != null) {
            values.executeBatch();
        }
        if (refs != null) {
            refs.executeBatch();
        }
    }

    private void unindexCs(long seq) throws SQLException {
        update("DELETE FROM cs_value WHERE seq = ?", seq);
        update("DELETE FROM cs_ref WHERE seq = ?", seq);
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
        sqlVoid(() -> {
            update("DELETE FROM pending_export WHERE cs_id = ?", id);
            Long seq = null;
            try (ResultSet r = ps("SELECT seq FROM cs WHERE id = ?", id).executeQuery()) {
                if (r.next()) {
                    seq = r.getLong(1);
                }
            }
            if (seq != null) {
                update("DELETE FROM cs WHERE seq = ?", seq);
                unindexCs(seq);
            }
        });
    }

    // ---- metaverse ----

    @Override
    public Optional<MvObject> mv(UUID id) {
        return data("SELECT data FROM mv WHERE id = ?", id).map(Codec::mv);
    }

    @Override
    public List<UUID> findMv(String objectType, String attribute, AttributeValue value) {
        String a = Keys.attribute(attribute);
        ensureMvIndexed(a);
        if (objectType == null) {
            return ids(
                    "SELECT mv_id FROM mv_value WHERE attribute = ? AND value_key = ? ORDER BY seq",
                    a,
                    Keys.value(value));
        }
        return ids(
                "SELECT v.mv_id FROM mv_value v JOIN mv m ON m.id = v.mv_id"
                        + " WHERE v.attribute = ? AND v.value_key = ? AND m.object_type = ? ORDER BY v.seq",
                a,
                Keys.value(value),
                objectType);
    }

    void ensureMvIndexed(String attribute) {
        String a = Keys.attribute(attribute);
        if (store.isMvIndexed(a) || newMvIndexed.contains(a)) {
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
    }

    @Override
    public List<UUID> mvReferencing(UUID mvId) {
        return ids("SELECT mv_id FROM mv_ref WHERE target = ? ORDER BY seq", mvId);
    }

    @Override
    public int mvCount() {
        return count("SELECT COUNT(*) FROM mv");
    }

    @Override
    public void putMv(MvObject object) {
        Objects.requireNonNull(object, "object");
        sqlVoid(() -> {
            Long seq = null;
            try (ResultSet r =
                    ps("SELECT seq FROM mv WHERE id = ?", object.id()).executeQuery()) {
                if (r.next()) {
                    seq = r.getLong(1);
                }
            }
            byte[] data = Codec.mv(object);
            if (seq != null) {
                unindexMv(seq);
                update("UPDATE mv SET object_type = ?, data = ? WHERE id = ?", object.objectType(), data, object.id());
            } else {
                seq = store.seq.getAndIncrement();
                update(
                        "INSERT INTO mv (id, seq, object_type, data) VALUES (?, ?, ?, ?)",
                        object.id(),
                        seq,
                        object.objectType(),
                        data);
            }
            PreparedStatement values = null;
            Set<UUID> targets = new LinkedHashSet<>();
            for (Map.Entry<String, MvAttribute> e : object.attributes().entrySet()) {
                String a = Keys.attribute(e.getKey());
                if (store.isMvIndexed(a) || newMvIndexed.contains(a)) {
                    for (String v : valueKeys(e.getValue().values())) {
                        if (values == null) {
                            values = store.statement(
                                    "INSERT INTO mv_value (attribute, value_key, seq, mv_id) VALUES (?, ?, ?, ?)");
                        }
                        addBatch(values, a, v, seq, object.id());
                    }
                }
                for (AttributeValue v : e.getValue().values()) {
                    UUID target = Keys.referencedId(v);
                    if (target != null) {
                        targets.add(target);
                    }
                }
            }
            if (values != null) {
                values.executeBatch();
            }
            if (!targets.isEmpty()) {
                PreparedStatement refs = store.statement("INSERT INTO mv_ref (target, seq, mv_id) VALUES (?, ?, ?)");
                for (UUID t : targets) {
                    addBatch(refs, t, seq, object.id());
                }
                refs.executeBatch();
            }
        });
    }

    private void unindexMv(long seq) throws SQLException {
        update("DELETE FROM mv_value WHERE seq = ?", seq);
        update("DELETE FROM mv_ref WHERE seq = ?", seq);
    }

    @Override
    public void removeMv(UUID id) {
        sqlVoid(() -> {
            try (ResultSet r = ps("SELECT id FROM cs WHERE mv_id = ?", id).executeQuery()) {
                if (r.next()) {
                    throw new IllegalStateException("connector-space objects are still linked to " + id);
                }
            }
            Long seq = null;
            try (ResultSet r = ps("SELECT seq FROM mv WHERE id = ?", id).executeQuery()) {
                if (r.next()) {
                    seq = r.getLong(1);
                }
            }
            if (seq != null) {
                update("DELETE FROM mv WHERE seq = ?", seq);
                unindexMv(seq);
            }
        });
    }

    // ---- pending exports ----

    @Override
    public Optional<PendingExport> pendingExport(UUID csId) {
        return data("SELECT data FROM pending_export WHERE cs_id = ?", csId).map(Codec::export);
    }

    @Override
    public List<PendingExport> pendingExports(String connector) {
        return sql(() -> {
            List<PendingExport> list = new ArrayList<>();
            try (ResultSet r = ps("SELECT data FROM pending_export WHERE connector = ? ORDER BY seq", connector)
                    .executeQuery()) {
                while (r.next()) {
                    list.add(Codec.export(r.getBytes(1)));
                }
            }
            return list;
        });
    }

    @Override
    public void putPendingExport(PendingExport export) {
        Objects.requireNonNull(export, "export");
        sqlVoid(() -> {
            try (ResultSet r =
                    ps("SELECT 1 FROM cs WHERE id = ?", export.csId()).executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no connector-space object " + export.csId());
                }
            }
            byte[] data = Codec.export(export);
            if (update(
                            "UPDATE pending_export SET connector = ?, data = ? WHERE cs_id = ?",
                            export.connector(),
                            data,
                            export.csId())
                    == 0) {
                update(
                        "INSERT INTO pending_export (cs_id, connector, seq, data) VALUES (?, ?, ?, ?)",
                        export.csId(),
                        export.connector(),
                        store.seq.getAndIncrement(),
                        data);
            }
        });
    }

    @Override
    public void removePendingExport(UUID csId) {
        sqlVoid(() -> update("DELETE FROM pending_export WHERE cs_id = ?", csId));
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
        return data("SELECT data FROM run WHERE id = ?", id).map(Codec::run);
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

    // ---- lifecycle ----

    @Override
    public void commit() {
        if (done) {
            throw new IllegalStateException("the transaction has ended");
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            store.dropConnection();
            end(false);
            throw new StoreException("commit failed; nothing of the transaction was saved", e);
        }
        end(true);
    }

    @Override
    public void rollback() {
        if (done) {
            throw new IllegalStateException("the transaction has ended");
        }
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
