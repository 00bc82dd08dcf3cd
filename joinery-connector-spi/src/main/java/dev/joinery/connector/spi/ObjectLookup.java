package dev.joinery.connector.spi;

import java.util.List;

/**
 * Capability: find objects in the directory by the value of one attribute, without importing. The engine's
 * outbound join uses it: before provisioning a new object into a target, it asks the target whether it already
 * holds one with the join attribute's value (SCIM {@code filter=userName eq "..."}, Graph {@code
 * $filter=mail eq '...'}), and joins to it instead of creating a duplicate. Connectors that cannot look up by
 * attribute do not implement it; the engine checks by type, as for every capability.
 *
 * <pre>{@code
 * if (connector instanceof ObjectLookup lookup) {
 *     List<ConnectorObject> found = lookup.find("user", "userPrincipalName", AttributeValue.text("ann@contoso.com"));
 *     // none: provision; one: join to found.get(0).anchor(); several: the join is ambiguous
 * }
 * }</pre>
 *
 * <p>Called from one thread at a time, between {@link Connector#open} and {@link Connector#close}, like the
 * other capabilities.
 */
public interface ObjectLookup {

    /**
     * The objects of {@code objectType} that hold {@code value} in {@code attribute} (for a multi-valued attribute,
     * among its values), read from the directory now, whole, as a full import would send them. Text compares as the
     * directory compares that attribute (case-insensitively for names, addresses and identifiers in LDAP, SCIM and
     * Graph).
     *
     * @param objectType an object type of the connector's schema
     * @param attribute an attribute of that type, or the type's anchor attribute
     * @param value the value looked for; a {@link AttributeValue.Reference} is the DN of the referenced object
     * @return the matches in no particular order: empty when none, several when the value is not unique (an
     *     ambiguous join, which the engine reports rather than choosing); never null
     * @throws IllegalArgumentException when the connector cannot look up by this type, attribute or kind of value
     *     (an unknown type or attribute, one the directory cannot filter on, a binary value where text is needed)
     * @throws ConnectorException when the directory fails the request, classified as for the other capabilities
     */
    List<ConnectorObject> find(String objectType, String attribute, AttributeValue value);
}
