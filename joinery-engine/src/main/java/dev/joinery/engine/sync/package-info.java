/**
 * Synchronization: scoping, join, projection and provisioning, attribute flows and precedence, inbound (connector
 * space to metaverse) and outbound (metaverse to pending exports), and preview. Talks to no directory; reads and
 * writes only a {@link dev.joinery.engine.store.SyncTransaction}. Semantics follow Azure AD Connect sync's declarative
 * provisioning ({@code shared/reference}).
 */
package dev.joinery.engine.sync;
