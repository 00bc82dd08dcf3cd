package dev.joinery.testkit;

import static dev.joinery.connector.spi.AttributeType.BINARY;
import static dev.joinery.connector.spi.AttributeType.BOOLEAN;
import static dev.joinery.connector.spi.AttributeType.INTEGER;
import static dev.joinery.connector.spi.AttributeType.REFERENCE;
import static dev.joinery.connector.spi.AttributeType.STRING;
import static dev.joinery.connector.spi.AttributeType.TIMESTAMP;

import dev.joinery.connector.spi.AttributeType;
import dev.joinery.connector.spi.ConnectorSchema;
import java.util.List;

/** Ready-made schemas for the in-memory connector. */
public final class TestSchemas {
    private TestSchemas() {}

    /**
     * An AD-like {@code user} and {@code group}, both anchored by {@code objectGUID}. Users: cn, displayName,
     * givenName, sn, sAMAccountName, userPrincipalName, mail, employeeID, department, description (text);
     * proxyAddresses (multi-valued text); manager (reference); jpegPhoto (binary); userAccountControl
     * (integer); accountEnabled (Boolean); accountExpires (timestamp). Groups: cn, displayName, description,
     * sAMAccountName, mail (text); proxyAddresses (multi-valued text); member (multi-valued reference);
     * groupType (integer).
     */
    public static ConnectorSchema usersAndGroups() {
        ConnectorSchema.ObjectType user = new ConnectorSchema.ObjectType(
                "user",
                "objectGUID",
                List.of(
                        one("cn", STRING),
                        one("displayName", STRING),
                        one("givenName", STRING),
                        one("sn", STRING),
                        one("sAMAccountName", STRING),
                        one("userPrincipalName", STRING),
                        one("mail", STRING),
                        one("employeeID", STRING),
                        one("department", STRING),
                        one("description", STRING),
                        many("proxyAddresses", STRING),
                        one("manager", REFERENCE),
                        one("jpegPhoto", BINARY),
                        one("userAccountControl", INTEGER),
                        one("accountEnabled", BOOLEAN),
                        one("accountExpires", TIMESTAMP)));
        ConnectorSchema.ObjectType group = new ConnectorSchema.ObjectType(
                "group",
                "objectGUID",
                List.of(
                        one("cn", STRING),
                        one("displayName", STRING),
                        one("description", STRING),
                        one("sAMAccountName", STRING),
                        one("mail", STRING),
                        many("proxyAddresses", STRING),
                        many("member", REFERENCE),
                        one("groupType", INTEGER)));
        return new ConnectorSchema(List.of(user, group));
    }

    private static ConnectorSchema.Attribute one(String name, AttributeType type) {
        return new ConnectorSchema.Attribute(name, type, false);
    }

    private static ConnectorSchema.Attribute many(String name, AttributeType type) {
        return new ConnectorSchema.Attribute(name, type, true);
    }
}
