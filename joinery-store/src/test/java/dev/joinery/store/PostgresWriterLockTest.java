package dev.joinery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.store.SyncTransaction;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One writing process per PostgreSQL database: "You cannot set up Microsoft Entra Connect in an Active-Active setup"
 * (aadc-semantics-notes §2.11). A second process may read while the first writes, but its writes are refused until
 * the first has gone; nothing of a refused transaction is saved.
 */
class PostgresWriterLockTest {
    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static void write(JdbcSyncStore store, MvObject object) {
        try (SyncTransaction tx = store.begin()) {
            tx.putMv(object);
            tx.commit();
        }
    }

    private static int count(JdbcSyncStore store) {
        try (SyncTransaction tx = store.begin()) {
            return tx.mvCount();
        }
    }

    @Test
    void aSecondWriterIsRefusedUntilTheFirstCloses() {
        String database = server.emptiedDatabase();
        MvObject first = new MvObject(UUID.randomUUID(), "person", Map.of());
        MvObject second = new MvObject(UUID.randomUUID(), "person", Map.of());
        try (JdbcSyncStore active = server.open(database)) {
            write(active, first);
            try (JdbcSyncStore other = server.open(database)) {
                assertThat(count(other)).as("reading needs no lock").isEqualTo(1);

                assertThatThrownBy(() -> write(other, second))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("another Joinery process is writing to this PostgreSQL database");
                assertThat(count(active))
                        .as("nothing of the refused transaction was saved")
                        .isEqualTo(1);

                write(active, second);
                assertThat(count(other)).isEqualTo(2);
            }
        }
        try (JdbcSyncStore next = server.open(database)) {
            write(next, new MvObject(UUID.randomUUID(), "person", Map.of()));
            assertThat(count(next))
                    .as("the lock went with the process that held it")
                    .isEqualTo(3);
        }
    }
}
