/**
 * Azure AD Connect interchange: {@link dev.joinery.engine.rules.aadc.AadcImporter} reads a configuration export
 * ({@code Get-ADSyncServerConfiguration}: {@code SynchronizationRules/*.xml}, {@code Connectors/*.xml},
 * {@code GlobalSettings/MV.xml}) into Joinery rules, connector stubs and the metaverse schema;
 * {@link dev.joinery.engine.rules.aadc.AadcExporter} writes rules back in the {@code <synchronizationRule>} shape.
 * Only the JDK's XML parser is used.
 */
package dev.joinery.engine.rules.aadc;
