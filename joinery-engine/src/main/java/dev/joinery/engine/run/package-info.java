/**
 * Run profiles and cycles: {@link dev.joinery.engine.run.SyncEngine} drives connectors through Full Import, Delta
 * Import, Full and Delta Synchronization and Export, records every run in the store, and runs sync cycles.
 */
package dev.joinery.engine.run;
