package dev.joinery.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded PostgreSQL server (zonky, the Linux amd64 binaries) for one test class, with a migrated template
 * database that each new store copies with {@code CREATE DATABASE ... TEMPLATE}.
 */
public final class PostgresServer implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String[] TABLES = {
        "cs",
        "cs_indexed",
        "cs_value",
        "cs_ref",
        "mv",
        "mv_indexed",
        "mv_value",
        "mv_ref",
        "pending_export",
        "watermark",
        "run",
        "run_error"
    };
    private final EmbeddedPostgres postgres;
    private boolean shared;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server (about 2 s) and migrates the template database. */
    public static PostgresServer start() {
        try {
            PostgresServer server = new PostgresServer(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
            server.sql("CREATE DATABASE joinery_template");
            JdbcSyncStore.open(server.url("joinery_template"), "postgres", "").close();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of a new database holding the migrated, empty schema. */
    public String newDatabase() {
        String name = "joinery_" + NEXT.incrementAndGet();
        sql("CREATE DATABASE " + name + " TEMPLATE joinery_template STRATEGY = FILE_COPY");
        return name;
    }

    /** The shared test database, emptied: faster than a new database when the last store on it is closed. */
    public String emptiedDatabase() {
        if (!shared) {
            sql("CREATE DATABASE joinery_shared TEMPLATE joinery_template STRATEGY = FILE_COPY");
            shared = true;
        } else {
            try (Connection c =
                            postgres.getDatabase("postgres", "joinery_shared").getConnection();
                    Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    s.execute("DELETE FROM " + table);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return "joinery_shared";
    }

    public String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public JdbcSyncStore open(String database) {
        return JdbcSyncStore.open(url(database), "postgres", "");
    }

    private void sql(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
