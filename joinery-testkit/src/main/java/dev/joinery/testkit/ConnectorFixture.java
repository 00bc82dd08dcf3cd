package dev.joinery.testkit;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ConnectorContractTest} needs from one connector under test: the connector, opened; a backdoor
 * to the directory behind it that bypasses the connector (as UnboundID's tests read their in-memory server
 * directly); and test data in the directory's own vocabulary, so the suite names no object type or attribute
 * itself.
 *
 * <p>The suite asks for a new fixture before each test and closes it after. A fixture's scope holds no object
 * the suite did not create, or the suite's "exactly these objects" checks fail: give each fixture a fresh
 * container (an OU, a tenant, a SCIM service) or clean the scope up. One test uses its fixture from one thread;
 * implementations need not be thread-safe. No method accepts or returns null.
 */
public interface ConnectorFixture extends AutoCloseable {

    /** The connector under test, already opened with {@link #context()}. */
    Connector connector();

    /** The context the connector was opened with; the suite closes the connector and opens it again with it. */
    ConnectorContext context();

    /** Backdoor: creates an object in the directory, not through the connector, and returns its anchor. */
    Anchor create(String objectType, String dn, Map<String, List<AttributeValue>> attributes);

    /** Backdoor: changes values of an object in the directory. */
    void modify(Anchor anchor, List<AttributeChange> changes);

    /** Backdoor: renames or moves an object in the directory. */
    void rename(Anchor anchor, String newDn);

    /** Backdoor: deletes an object from the directory. */
    void delete(Anchor anchor);

    /** Backdoor: the object as the directory holds it now; empty when it does not exist. */
    Optional<ConnectorObject> read(Anchor anchor);

    /** The object type of users, as the connector names it ({@code user}, {@code inetOrgPerson}). */
    String userType();

    /** The object type of groups ({@code group}, {@code groupOfNames}). */
    String groupType();

    /** A valid DN for a new user called {@code name} (a short lowercase word), in the scope. */
    String userDn(String name);

    /** A valid DN for a new group called {@code name}, in the scope. */
    String groupDn(String name);

    /** A valid DN for a user called {@code name} in a second container of the scope; empty when there is none. */
    Optional<String> userDnInOtherContainer(String name);

    /**
     * The attributes a new user called {@code name} needs (naming and required attributes, unique values
     * derived from the name). Every value must import back unchanged; the suite adds its own to these.
     */
    Map<String, List<AttributeValue>> userAttributes(String name);

    /** The attributes a new group called {@code name} needs, as for {@link #userAttributes(String)}. */
    Map<String, List<AttributeValue>> groupAttributes(String name);

    /** A single-valued text attribute of users that the suite sets, replaces and clears ({@code displayName}). */
    String textAttribute();

    /** A binary attribute of users ({@code jpegPhoto}, {@code thumbnailPhoto}); empty when users have none. */
    Optional<String> binaryAttribute();

    /** The multi-valued reference attribute of groups that holds their members by DN ({@code member}). */
    String memberAttribute();

    /** Closes the connector and removes what the suite created; never throws. */
    @Override
    void close();
}
