package dev.joinery.store;

import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file store passes the store contract, including reopening a closed store. */
class H2SyncStoreContractTest extends SyncStoreContractTest {
    @TempDir
    Path folder;

    @Override
    protected SyncStore createStore() {
        return TestStores.h2(folder.resolve("store"));
    }

    @Override
    protected SyncStore reopenStore() {
        return JdbcSyncStore.h2(folder.resolve("store"));
    }
}
