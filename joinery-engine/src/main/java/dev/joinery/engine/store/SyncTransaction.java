package dev.joinery.engine.store;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.RunRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One transaction on a {@link SyncStore}: reads that see its own writes, writes that become visible together on
 * {@link #commit()} or not at all. Used from one thread; not thread-safe. After commit or rollback every method
 * but {@link #close()} throws {@link IllegalStateException}.
 *
 * <p><b>Ordering.</b> "Creation order" is the order in which objects were first put; replacing an object keeps
 * its place. Lists returned are snapshots, never live views.
 *
 * <p><b>Value matching</b> ({@link #findCs}, {@link #findMv}, {@link #csReferencing}): a text or reference value
 * matches ignoring case (Unicode lower case, {@code Locale.ROOT}); integers, Booleans, timestamps and binaries match
 * by equality; values of different types never match. The engine filters case-sensitive conditions itself.
 * Implementations must answer these lookups without reading every object (index attribute values; a JDBC store
 * keeps one row per (attribute, normalised value, object)).
 *
 * <p><b>Derived indexes</b> are the store's business: it keeps the DN and anchor indexes, the CS to MV link index
 * ({@link CsObject#link()}), the reverse-reference indexes and the value indexes up to date on every put and remove.
 */
public interface SyncTransaction extends AutoCloseable {

    // ---- connector space ----

    Optional<CsObject> cs(UUID id);

    Optional<CsObject> csByAnchor(String connector, Anchor anchor);

    /** The object of {@code connector} with this DN, compared ignoring case. */
    Optional<CsObject> csByDn(String connector, String dn);

    /** Every object of a connector space, in creation order. */
    List<UUID> csIds(String connector);

    int csCount(String connector);

    /** The objects of a connector space whose {@link CsObject#pendingImport()} is not NONE, in creation order. */
    List<UUID> pendingImports(String connector);

    /** The connector-space objects (of every connector) linked to a metaverse object, in creation order. */
    List<UUID> csLinkedTo(UUID mvId);

    /**
     * The objects of {@code connector} whose hologram holds a {@link AttributeValue.Reference} to {@code dn}
     * (ignoring case), in creation order: a reference that waits for its target, a group whose member moved.
     */
    List<UUID> csReferencing(String connector, String dn);

    /** The objects of {@code connector} whose hologram attribute holds {@code value}, in creation order. */
    List<UUID> findCs(String connector, String attribute, AttributeValue value);

    /**
     * Inserts or replaces (by {@link CsObject#id()}).
     *
     * @throws IllegalStateException when another object of the connector has the same anchor or, ignoring case,
     *     the same DN
     */
    void putCs(CsObject object);

    /**
     * Inserts an object whose id was never stored (a fresh random id). Same as {@link #putCs} except that a store may
     * skip looking for an existing object with that id; if there is one, the store fails at the latest on commit and
     * nothing of the transaction is saved.
     */
    default void insertCs(CsObject object) {
        putCs(object);
    }

    /**
     * A hint that the objects with these ids, and their pending exports, will be read in this transaction: a store
     * may read them in one query now. Reading an id that does not exist is not an error. Does not change what any read returns.
     */
    default void prefetchCs(Collection<UUID> ids) {}

    /** Removes an object and its pending export; does nothing when absent. */
    void removeCs(UUID id);

    // ---- metaverse ----

    Optional<MvObject> mv(UUID id);

    /**
     * The metaverse objects of {@code objectType} (any type when null) whose attribute holds {@code value}, in
     * creation order: the join lookup.
     */
    List<UUID> findMv(String objectType, String attribute, AttributeValue value);

    /** The metaverse objects holding a reference ({@link AttributeValue.Reference} of the id's text) to this one. */
    List<UUID> mvReferencing(UUID mvId);

    int mvCount();

    /** Inserts or replaces (by {@link MvObject#id()}). */
    void putMv(MvObject object);

    /**
     * Inserts a metaverse object whose id was never stored; as {@link #insertCs}, a store may skip looking for an
     * existing one.
     */
    default void insertMv(MvObject object) {
        putMv(object);
    }

    /**
     * Removes a metaverse object; does nothing when absent.
     *
     * @throws IllegalStateException when connector-space objects are still linked to it
     */
    void removeMv(UUID id);

    // ---- pending exports ----

    Optional<PendingExport> pendingExport(UUID csId);

    /** The pending exports of a connector, in the order they were first staged. */
    List<PendingExport> pendingExports(String connector);

    /**
     * Hands the pending exports of a connector to {@code action} one by one, in the order they were first staged,
     * without holding them all: for export runs over more objects than fit the heap. {@code action} must not write to
     * this transaction.
     */
    default void forEachPendingExport(String connector, Consumer<PendingExport> action) {
        pendingExports(connector).forEach(action);
    }

    /**
     * Stages or replaces (by {@link PendingExport#csId()}); a replacement keeps its place in the order.
     *
     * @throws IllegalStateException when the connector-space object does not exist
     */
    void putPendingExport(PendingExport export);

    /** Does nothing when absent. */
    void removePendingExport(UUID csId);

    // ---- watermarks ----

    /** The last saved watermark of a connector; {@link Watermark#NONE} when none was saved. */
    Watermark watermark(String connector);

    /** Saves a watermark; it becomes visible with the batch it ends, on commit. */
    void saveWatermark(String connector, Watermark watermark);

    // ---- rule fingerprints ----

    /**
     * The fingerprint of the sync rules that the last completed full synchronization of a connector ran with; empty
     * when none was saved. The engine compares it with the current rules to decide that a cycle must run a full
     * synchronization on the connector ("sync-rule changes ⇒ Full Sync on that connector"). The text is opaque to the
     * store, at most 128 characters.
     */
    Optional<String> rulesFingerprint(String connector);

    /** Saves a connector's rule fingerprint, replacing the previous one; it becomes visible on commit. */
    void saveRulesFingerprint(String connector, String fingerprint);

    // ---- run history ----

    /** Inserts or replaces (by {@link RunRecord#id()}). */
    void putRun(RunRecord run);

    Optional<RunRecord> run(UUID id);

    /** The runs of a connector (every connector when null), oldest start first. */
    List<RunRecord> runs(String connector);

    void addError(ObjectError error);

    /** A run's errors in the order added. */
    List<ObjectError> errors(UUID runId);

    // ---- lifecycle ----

    /** Makes every write of this transaction visible, at once. */
    void commit();

    /** Discards every write of this transaction. */
    void rollback();

    /** Rolls back unless committed; does nothing after commit or rollback. */
    @Override
    void close();
}
