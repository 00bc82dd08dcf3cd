package dev.joinery.app.run;

import dev.joinery.app.config.JoineryConfig;
import dev.joinery.engine.store.InMemorySyncStore;
import dev.joinery.engine.store.SyncStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the {@link SyncStore} the {@code store} section of {@code joinery.yaml} names: the one seam between the
 * commands and the store implementation.
 *
 * <p>Until the JDBC store ({@code joinery-store}, H2 and PostgreSQL) lands, {@link #DEFAULT} keeps every store in
 * memory, one per configured location and per JVM: commands run in one process (the demo, the daemon, tests) share
 * it; separate {@code joinery} processes do not. Switching is this one factory.
 */
@FunctionalInterface
public interface StoreFactory {

    /** Opens the store of {@code config}; closing the returned store is the caller's job. */
    SyncStore open(JoineryConfig.Store config);

    /** In-memory stores kept for the life of the JVM, one per H2 path or PostgreSQL URL. */
    StoreFactory DEFAULT = new InMemoryStores();

    /** Whether stores outlive the process; false until the JDBC store lands. */
    default boolean persistent() {
        return false;
    }

    /** The JVM-wide in-memory stores. Thread-safe. */
    final class InMemoryStores implements StoreFactory {
        private final Map<String, InMemorySyncStore> stores = new ConcurrentHashMap<>();

        private InMemoryStores() {}

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
