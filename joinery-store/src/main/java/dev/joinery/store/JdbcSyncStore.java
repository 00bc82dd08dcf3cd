package dev.joinery.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncTransaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A {@link SyncStore} over JDBC: an H2 file database by default ({@link #h2(Path)}), PostgreSQL by URL
 * ({@link #open(String, String, String)}). The schema is created and migrated by Flyway on open. Each
 * {@link SyncTransaction} is one database transaction on one pooled connection.
 *
 * <p>Records are kept whole in a compact binary form; beside them, index rows answer the lookups the contract needs
 * without reading every object: anchor, lower-cased DN, metaverse link, pending import, references, and the values
 * of attributes that {@link SyncTransaction#findCs} or {@link SyncTransaction#findMv} were asked about. The first
 * lookup of an attribute indexes the values already stored (once, inside that transaction); from then on every
 * write keeps the index. {@link #indexCs} and {@link #indexMv} declare such attributes up front.
 *
 * <p>Creation order comes from a counter this process allocates from the largest stored sequence number, so one
 * process writes to a database at a time (the active server; a PostgreSQL staging server takes over after it).
 *
 * <p>Thread-safe; final. One transaction at a time, as the contract says.
 */
public final class JdbcSyncStore implements SyncStore {
    /** The SQL dialects with their own migration scripts. */
    enum Dialect {
        H2,
        POSTGRESQL
    }

    /** The version of the newest migration script; Flyway runs only when the database is behind it. */
    static final int SCHEMA_VERSION = 2;

    private final DataSource dataSource;
    private final AutoCloseable owned;
    final Dialect dialect;
    final AtomicLong seq;
    final Set<String> csIndexed = new HashSet<>();
    final Set<String> mvIndexed = new HashSet<>();
    private JdbcTransaction open;
    private boolean closed;
    /** The connection transactions run on, kept with its prepared statements between transactions. */
    private Connection connection;

    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private JdbcSyncStore(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.owned = owned;
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            this.dialect = product.contains("postgres") ? Dialect.POSTGRESQL : Dialect.H2;
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the store database", e);
        }
        if (schemaVersion(dataSource) < SCHEMA_VERSION) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + dialect.name().toLowerCase(Locale.ROOT))
                    .load()
                    .migrate();
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            long max = 0;
            for (String table : new String[] {"cs", "mv", "pending_export", "run", "run_error"}) {
                try (ResultSet r = s.executeQuery("SELECT MAX(seq) FROM " + table)) {
                    r.next();
                    max = Math.max(max, r.getLong(1));
                }
            }
            this.seq = new AtomicLong(max + 1);
            try (ResultSet r = s.executeQuery("SELECT connector, attribute FROM cs_indexed")) {
                while (r.next()) {
                    csIndexed.add(csIndexKey(r.getString(1), r.getString(2)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT attribute FROM mv_indexed")) {
                while (r.next()) {
                    mvIndexed.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's state", e);
        }
    }

    /** The highest schema version Flyway applied successfully, 0 for a new database. */
    private static int schemaVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"")) {
            int max = 0;
            while (r.next()) {
                String v = r.getString(1);
                if (v != null && v.matches("\\d+")) {
                    max = Math.max(max, Integer.parseInt(v));
                }
            }
            return max;
        } catch (SQLException e) {
            return 0;
        }
    }

    /**
     * Opens (creating on first use) the H2 file database at {@code path} (H2 adds {@code .mv.db}). Every commit is
     * written to the file before {@link SyncTransaction#commit()} returns, so a killed process loses no committed
     * batch.
     */
    public static JdbcSyncStore h2(Path path) {
        String url = "jdbc:h2:file:" + path.toAbsolutePath()
                + ";WRITE_DELAY=0;CACHE_SIZE=65536;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
        return open(url, "sa", "");
    }

    /** Opens the database at a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}) with a small pool. */
    public static JdbcSyncStore open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setPoolName("joinery-store");
        if (url.startsWith("jdbc:postgresql:")) {
            // a commit's JDBC batch of inserts goes as multi-row INSERTs: one round trip per 128 rows, not per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            return new JdbcSyncStore(ds, ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** A store over a data source the caller owns and closes. */
    public static JdbcSyncStore of(DataSource dataSource) {
        return new JdbcSyncStore(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /** Declares connector-space attributes whose values {@code findCs} will look up, so they are indexed at once. */
    public void indexCs(String connector, String... attributes) {
        try (SyncTransaction tx = begin()) {
            for (String a : attributes) {
                ((JdbcTransaction) tx).ensureCsIndexed(connector, a);
            }
            tx.commit();
        }
    }

    /** Declares metaverse attributes whose values {@code findMv} will look up, so they are indexed at once. */
    public void indexMv(String... attributes) {
        try (SyncTransaction tx = begin()) {
            for (String a : attributes) {
                ((JdbcTransaction) tx).ensureMvIndexed(a);
            }
            tx.commit();
        }
    }

    static String csIndexKey(String connector, String attribute) {
        return connector + '\u0000' + attribute;
    }

    @Override
    public synchronized SyncTransaction begin() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (open != null) {
            throw new IllegalStateException("a transaction is open on this store already");
        }
        try {
            if (connection == null || connection.isClosed()) {
                dropConnection();
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            dropConnection();
            throw new StoreException("cannot open a transaction", e);
        }
        open = new JdbcTransaction(this, connection);
        return open;
    }

    /** A prepared statement on the transaction connection, prepared once and reused. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    /**
     * The PostgreSQL advisory lock that one writing process holds on a database: "You cannot set up Microsoft Entra
     * Connect in an Active-Active setup". A staging server keeps its own database.
     */
    static final long WRITER_LOCK = 0x4A6F696E65727931L; // "Joinery1"

    /** Whether the transaction connection holds {@link #WRITER_LOCK}; it goes with the connection. */
    private boolean writer;

    /**
     * Makes this process the database's one writer before a transaction that wrote commits: on PostgreSQL it takes
     * {@link #WRITER_LOCK} on the transaction connection, once; reading needs no lock, so {@code joinery status} can
     * read while a server runs cycles. H2 keeps one writer by its file lock and automatic mixed mode.
     *
     * @throws StoreException when another process holds the lock
     */
    synchronized void claimWriter(Connection c) throws SQLException {
        if (writer || dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, WRITER_LOCK);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    throw new StoreException(
                            "another Joinery process is writing to this PostgreSQL database (it holds advisory lock "
                                    + WRITER_LOCK + "); run one active server per database, and give a staging"
                                    + " server a database of its own",
                            null);
                }
            }
        }
        writer = true;
    }

    /** The SQL name of the UUID type, for arrays of ids. */
    String uuidType() {
        return dialect == Dialect.POSTGRESQL ? "uuid" : "UUID";
    }

    /** Forgets the connection after a failure, so the next transaction starts on a fresh one. */
    synchronized void dropConnection() {
        statements.clear();
        writer = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken
            }
            connection = null;
        }
    }

    synchronized void ended(JdbcTransaction tx, Set<String> newCsIndexed, Set<String> newMvIndexed) {
        if (open == tx) {
            open = null;
        }
        csIndexed.addAll(newCsIndexed);
        mvIndexed.addAll(newMvIndexed);
    }

    synchronized boolean isCsIndexed(String key) {
        return csIndexed.contains(key);
    }

    synchronized boolean isMvIndexed(String attribute) {
        return mvIndexed.contains(attribute);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (open != null) {
            open.close();
        }
        closed = true;
        dropConnection();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new StoreException("cannot close the store", e);
            }
        }
    }
}
