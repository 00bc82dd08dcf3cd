/**
 * The {@link dev.joinery.engine.store.SyncStore} over JDBC: {@link dev.joinery.store.JdbcSyncStore}, an H2 file
 * database by default and PostgreSQL for scale, with Flyway migrations under {@code db/migration/{h2,postgresql}}.
 * Nothing here accepts or returns Java {@code null} unless its Javadoc says so.
 */
package dev.joinery.store;
