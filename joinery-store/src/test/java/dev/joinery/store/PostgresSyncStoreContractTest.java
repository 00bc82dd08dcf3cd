package dev.joinery.store;

import dev.joinery.engine.store.SyncStore;
import dev.joinery.engine.store.SyncStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL store passes the store contract, including reopening a closed store. */
class PostgresSyncStoreContractTest extends SyncStoreContractTest {
    private static PostgresServer server;
    private String database;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected SyncStore createStore() {
        database = server.emptiedDatabase();
        return server.open(database);
    }

    @Override
    protected SyncStore reopenStore() {
        return server.open(database);
    }
}
