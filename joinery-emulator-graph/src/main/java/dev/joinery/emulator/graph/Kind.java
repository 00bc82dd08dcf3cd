package dev.joinery.emulator.graph;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The directory object types the emulator holds, with their collection path and OData type (notes §1). */
enum Kind {
    USER("users", "#microsoft.graph.user"),
    GROUP("groups", "#microsoft.graph.group"),
    /** orgContact; the collection is {@code /contacts}, not {@code /orgContacts} (notes §1.5). */
    CONTACT("contacts", "#microsoft.graph.orgContact"),
    DEVICE("devices", "#microsoft.graph.device");

    /** Returned by {@code GET /users} without {@code $select} (notes §1.2 "Default set"). */
    static final Set<String> USER_DEFAULT_PROPERTIES = Set.of(
            "id",
            "businessPhones",
            "displayName",
            "givenName",
            "jobTitle",
            "mail",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "surname",
            "userPrincipalName");

    final String collection;
    final String odataType;

    Kind(String collection, String odataType) {
        this.collection = collection;
        this.odataType = odataType;
    }

    static Optional<Kind> byCollection(String segment) {
        for (Kind k : values()) {
            if (k.collection.equals(segment)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** From the type-cast segment of {@code /directory/deletedItems/microsoft.graph.user} or a short name. */
    static Optional<Kind> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("microsoft.graph.", "").replace("#", "");
        for (Kind k : values()) {
            if (k.odataType.toLowerCase(Locale.ROOT).endsWith("." + n)
                    || k.name().equalsIgnoreCase(n)
                    || k.collection.equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
