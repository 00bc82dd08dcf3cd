package dev.joinery.store;

import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.TestStoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs the engine's end-to-end tests (from its test-jar) on H2 file stores: each test world gets a new database in one
 * temporary folder; all are closed and deleted when the JVM ends.
 */
public final class H2TestStoreProvider implements TestStoreProvider {
    private static final List<JdbcSyncStore> OPEN = new ArrayList<>();
    private static Path folder;

    @Override
    public SyncStore create() {
        synchronized (OPEN) {
            try {
                if (folder == null) {
                    folder = Files.createTempDirectory("joinery-engine-on-h2");
                    Runtime.getRuntime().addShutdownHook(new Thread(H2TestStoreProvider::closeAll));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JdbcSyncStore store = TestStores.h2(folder.resolve(UUID.randomUUID().toString()));
            OPEN.add(store);
            return store;
        }
    }

    private static void closeAll() {
        synchronized (OPEN) {
            OPEN.forEach(JdbcSyncStore::close);
            try (var files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }
    }
}
