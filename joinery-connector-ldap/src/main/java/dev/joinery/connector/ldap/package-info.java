/**
 * The LDAP and Active Directory connector, on the UnboundID LDAP SDK. {@link
 * dev.joinery.connector.ldap.LdapConnector} is the entry point, configured by an immutable {@link
 * dev.joinery.connector.ldap.LdapConnectorConfig}. Protocol variants are strategies chosen by configuration:
 * how a delta is read ({@code AdDirSyncStrategy}, {@code UsnChangedSyncStrategy},
 * {@code ContentSyncStrategy}, {@code ModifyTimestampSyncStrategy}) and how an anchor is encoded; Active
 * Directory specifics live in {@code dev.joinery.connector.ldap.ad}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.joinery.connector.ldap;
