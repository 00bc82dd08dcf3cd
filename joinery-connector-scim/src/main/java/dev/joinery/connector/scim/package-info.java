/**
 * The SCIM 2.0 connector (kind {@code scim}): {@link dev.joinery.connector.scim.ScimConnector}, its options in
 * {@link dev.joinery.connector.scim.ScimOptions} and its {@link dev.joinery.connector.scim.ScimConnectorFactory}.
 * Protocol types (filters, PATCH operations, schema and configuration resources) come from UnboundID's SCIM 2
 * SDK. No delta import: SCIM defines no change feed. The outbound join lookup is {@link
 * dev.joinery.connector.scim.ScimConnector#find}.
 */
package dev.joinery.connector.scim;
