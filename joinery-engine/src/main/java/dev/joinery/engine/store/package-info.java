/**
 * The store behind the engine: {@link dev.joinery.engine.store.SyncStore} and its transactions
 * {@link dev.joinery.engine.store.SyncTransaction}, plus {@link dev.joinery.engine.store.InMemorySyncStore} for tests
 * and previews. A JDBC implementation lives in {@code joinery-store}.
 */
package dev.joinery.engine.store;
