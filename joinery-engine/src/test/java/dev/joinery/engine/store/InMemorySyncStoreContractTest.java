package dev.joinery.engine.store;

/** The in-memory store passes the store contract. */
class InMemorySyncStoreContractTest extends SyncStoreContractTest {
    @Override
    protected SyncStore createStore() {
        return InMemorySyncStore.create();
    }
}
