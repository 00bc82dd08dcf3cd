package dev.joinery.engine.store;

import java.util.ServiceLoader;

/**
 * Where the end-to-end tests get their store: the in-memory one, unless a provider is registered as a service on the
 * test class path ({@code joinery-store} registers its H2 store to run these tests on JDBC).
 */
public interface TestStoreProvider {
    /** A new, empty store. */
    SyncStore create();

    /** A store from the first registered provider, or a new in-memory store. */
    static SyncStore newStore() {
        return ServiceLoader.load(TestStoreProvider.class)
                .findFirst()
                .map(TestStoreProvider::create)
                .orElseGet(InMemorySyncStore::create);
    }
}
