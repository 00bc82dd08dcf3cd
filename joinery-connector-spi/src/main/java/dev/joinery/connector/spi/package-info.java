/**
 * The connector SPI: what a connector to a directory (AD, LDAP, Entra ID, SCIM, a file) implements and the
 * records it exchanges with the engine.
 *
 * <p>A connector is a {@link dev.joinery.connector.spi.Connector} (lifecycle) plus the capabilities it opts
 * into: {@link dev.joinery.connector.spi.SchemaDiscovery}, {@link dev.joinery.connector.spi.FullImport},
 * {@link dev.joinery.connector.spi.ObjectLookup} (find by attribute, for the outbound join),
 * {@link dev.joinery.connector.spi.DeltaImport}, {@link dev.joinery.connector.spi.Export}. The engine checks
 * capabilities by type. A connector knows nothing of rules or the metaverse.
 *
 * <p>Objects are identified by their {@link dev.joinery.connector.spi.Anchor}, never by DN. Nothing in this
 * package accepts or returns Java {@code null} unless a method says so. Records are immutable.
 *
 * <p>How a connector kind declares its options and reads its configuration and secrets is in {@link
 * dev.joinery.connector.spi.config}.
 */
package dev.joinery.connector.spi;
