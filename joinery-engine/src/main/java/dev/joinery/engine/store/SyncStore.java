package dev.joinery.engine.store;

/**
 * Where the engine keeps the connector spaces, the metaverse, pending exports, watermarks and run history.
 *
 * <p><b>Transactions.</b> Every read and write goes through a {@link SyncTransaction} from {@link #begin()}. The
 * engine writes in batches: it opens a transaction, makes the writes of a few hundred objects, and commits; a batch
 * is all-or-nothing (after a crash or a {@link SyncTransaction#rollback()}, none of its writes is visible, and a
 * watermark saved in it is not saved either). Reads inside a transaction see that transaction's own writes.
 *
 * <p><b>Concurrency.</b> Implementations are thread-safe. At most one transaction is open at a time on one store:
 * the engine is single-threaded, like the reference ("the provisioning engine doesn't do any parallel processing");
 * {@link #begin()} fails fast instead of waiting, so a forgotten open transaction is found at once. Implementations
 * shared by several processes (PostgreSQL for a staging server) use their own locking for that.
 *
 * <p><b>Nullness.</b> No method accepts or returns Java {@code null} unless its Javadoc says so; absent single
 * objects are {@link java.util.Optional#empty()}.
 */
public interface SyncStore extends AutoCloseable {

    /**
     * Opens a transaction.
     *
     * @throws IllegalStateException when a transaction is open on this store already
     */
    SyncTransaction begin();

    /** Releases resources; an open transaction is rolled back. Closing twice does nothing. */
    @Override
    void close();
}
