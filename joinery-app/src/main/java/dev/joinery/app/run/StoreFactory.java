package dev.joinery.app.run;

import dev.joinery.app.config.JoineryConfig;
import dev.joinery.engine.store.InMemorySyncStore;
import dev.joinery.engine.store.SyncStore;
import dev.joinery.store.JdbcSyncStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the {@link SyncStore} the {@code store} section of {@code joinery.yaml} names: the one seam between the
 * commands and the store implementation.
 *
 * <p>{@link #DEFAULT} opens the JDBC store ({@code joinery-store}): an H2 file database in {@code store.path}
 * (opened with H2's automatic mixed mode, so a second {@code joinery} process, such as {@code joinery status} while
 * the demo runs, can read it), or PostgreSQL. {@link #inMemory()} keeps stores in memory for the life of the JVM,
 * one per location, for tests.
 */
@FunctionalInterface
public interface StoreFactory {

    /** Opens the store of {@code config}; closing the returned store is the caller's job. */
    SyncStore open(JoineryConfig.Store config);

    /** The JDBC store: H2 in {@code store.path}, or PostgreSQL. */
    StoreFactory DEFAULT = StoreFactory::jdbc;

    /** In-memory stores kept for the life of the JVM, one per H2 path or PostgreSQL URL. */
    static StoreFactory inMemory() {
        return new InMemoryStores();
    }

    /**
     * Opens the JDBC store of {@code config}, creating and migrating its database on first use.
     *
     * @throws dev.joinery.connector.spi.ConnectorException when the PostgreSQL password reference cannot be resolved
     */
    static SyncStore jdbc(JoineryConfig.Store config) {
        if (config instanceof JoineryConfig.H2 h2) {
            Path folder = h2.path().toAbsolutePath().normalize();
            try {
                java.nio.file.Files.createDirectories(folder);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create the store folder " + folder, e);
            }
            return JdbcSyncStore.open(
                    "jdbc:h2:file:" + folder.resolve("joinery")
                            + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;CACHE_SIZE=65536;LOCK_TIMEOUT=10000",
                    "sa",
                    "");
        }
        JoineryConfig.Postgresql pg = (JoineryConfig.Postgresql) config;
        return JdbcSyncStore.open(
                pg.url().toString(),
                pg.user(),
                pg.password() == null ? null : pg.password().reveal());
    }

    /** The JVM-wide in-memory stores. Thread-safe. */
    final class InMemoryStores implements StoreFactory {
        private final Map<String, InMemorySyncStore> stores = new ConcurrentHashMap<>();

        InMemoryStores() {}

        @Override
        public SyncStore open(JoineryConfig.Store config) {
            String key = config instanceof JoineryConfig.H2 h2
                    ? "h2:" + Path.of(h2.path().toString()).toAbsolutePath().normalize()
                    : "pg:" + ((JoineryConfig.Postgresql) config).url();
            return new Unclosable(stores.computeIfAbsent(key, k -> InMemorySyncStore.create()));
        }

        /** Forgets every store (tests). */
        public void reset() {
            stores.clear();
        }
    }

    /** The shared store with a {@code close()} that leaves it open for the next command of the JVM. */
    record Unclosable(SyncStore store) implements SyncStore {
        @Override
        public dev.joinery.engine.store.SyncTransaction begin() {
            return store.begin();
        }

        @Override
        public void close() {}
    }
}
