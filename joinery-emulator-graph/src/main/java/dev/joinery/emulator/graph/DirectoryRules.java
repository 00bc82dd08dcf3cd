package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The per-property rules Graph enforces on writes, each citing the section of graph-directory-notes.md. */
final class DirectoryRules {
    private DirectoryRules() {}

    /** Read-only for everyone through Graph (notes §1.2, §1.4, §1.6: "read-only"; §1.7 "All onPremises*"). */
    private static final Set<String> READ_ONLY = Set.of(
            "id",
            "deletedDateTime",
            "createdDateTime",
            "proxyAddresses",
            "onPremisesSyncEnabled",
            "onPremisesSecurityIdentifier",
            "onPremisesSamAccountName",
            "onPremisesUserPrincipalName",
            "onPremisesDistinguishedName",
            "onPremisesDomainName",
            "onPremisesNetBiosName",
            "onPremisesLastSyncDateTime",
            "onPremisesProvisioningErrors",
            "securityIdentifier",
            "imAddresses",
            "expirationDateTime",
            "renewedDateTime",
            "trustType");

    /** Group properties Graph computes (notes §1.4: "mail, proxyAddresses read-only"). */
    private static final Set<String> GROUP_READ_ONLY = Set.of("mail");

    /** notes §1.2: UPN characters {@code A–Z a–z 0–9 ' . - _ ! # ^ ~}, {@code @} only as the separator. */
    private static final Pattern UPN = Pattern.compile("[A-Za-z0-9'._!#^~-]+@[A-Za-z0-9.-]+");

    static void rejectReadOnly(Kind kind, ObjectNode body) {
        body.fieldNames().forEachRemaining(name -> {
            if (READ_ONLY.contains(name) || (kind == Kind.GROUP && GROUP_READ_ONLY.contains(name))) {
                throw GraphException.badRequest("Property '" + name + "' is read-only and cannot be set.")
                        .detail("PropertyNotUpdatable", name, "read-only");
            }
        });
    }

    /** Create-time required properties: notes §1.2 (user), §1.4 (group). */
    static void requireOnCreate(Kind kind, ObjectNode body) {
        String[] required = kind == Kind.USER
                ? new String[] {"accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile"}
                : kind == Kind.GROUP
                        ? new String[] {"displayName", "mailEnabled", "mailNickname", "securityEnabled"}
                        : new String[] {"displayName"};
        for (String name : required) {
            JsonNode v = body.get(name);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
                throw GraphException.badRequest("Invalid value specified for property '" + name + "' of resource '"
                                + resource(kind) + "'.")
                        .detail("PropertyRequired", name, "required");
            }
        }
    }

    /** notes §1.2: alias@domain, verified domain, ≤ 113 total, ≤ 64 before the {@code @}, no {@code .} before it. */
    static void checkUserPrincipalName(String upn, Set<String> verifiedDomains) {
        int at = upn.indexOf('@');
        boolean valid = UPN.matcher(upn).matches()
                && upn.length() <= 113
                && at <= 64
                && upn.length() - at - 1 <= 48
                && upn.charAt(at - 1) != '.';
        if (!valid) {
            throw GraphException.badRequest("Property userPrincipalName is invalid.")
                    .detail("InvalidValue", "userPrincipalName", upn);
        }
        String domain = upn.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!verifiedDomains.contains(domain)) {
            throw GraphException.badRequest(
                            "The domain portion of the userPrincipalName property is invalid. You must use one of"
                                    + " the verified domain names in your organization.")
                    .detail("InvalidValue", "userPrincipalName", domain);
        }
    }

    /** notes §1.2 passwordProfile: 8–256 characters, three of the four character classes. */
    static void checkPassword(String password) {
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (password.length() < 8 || password.length() > 256 || classes < 3) {
            throw GraphException.badRequest(
                            "The specified password does not comply with password complexity requirements. Please"
                                    + " provide a different password.")
                    .detail("InvalidValue", "passwordProfile", "complexity");
        }
    }

    /**
     * {@code onPremisesImmutableId}: "{@code $} and {@code _} forbidden" (notes §1.2); immutable once set, as the
     * sync engine relies on it (aadc-semantics-notes §2.13: a changed sourceAnchor is an error). The wording
     * of this error is the emulator's own: Graph documents none.
     */
    static void checkImmutableId(String current, JsonNode requested) {
        String value = requested == null || requested.isNull() ? null : requested.asText();
        if (value != null && (value.contains("$") || value.contains("_"))) {
            throw GraphException.badRequest("Property onPremisesImmutableId has an invalid value.")
                    .detail("InvalidValue", "onPremisesImmutableId", value);
        }
        if (current != null && !current.equals(value)) {
            throw GraphException.badRequest("Property 'onPremisesImmutableId' cannot be changed once it is set.")
                    .detail("PropertyNotUpdatable", "onPremisesImmutableId", "immutable");
        }
    }

    /** notes §1.2, §1.4: displayName "cannot be cleared"; ≤ 256; mailNickname ≤ 64. */
    static void checkLengthsAndClears(ObjectNode body) {
        JsonNode dn = body.get("displayName");
        if (dn != null && (dn.isNull() || dn.asText().isEmpty())) {
            throw GraphException.badRequest("Invalid value specified for property 'displayName'.")
                    .detail("InvalidValue", "displayName", "cannot be cleared");
        }
        limit(body, "displayName", 256);
        limit(body, "mailNickname", 64);
        limit(body, "givenName", 64);
        limit(body, "surname", 64);
        limit(body, "jobTitle", 128);
        limit(body, "department", 64);
        limit(body, "employeeId", 16);
    }

    private static void limit(ObjectNode body, String name, int max) {
        JsonNode v = body.get(name);
        if (v != null && v.isTextual() && v.asText().length() > max) {
            throw GraphException.badRequest("Invalid value specified for property '" + name + "'.")
                    .detail("ExceededAllowedLength", name, "at most " + max + " characters");
        }
    }

    /** notes §1.7: "Unable to update the specified properties for on-premises mastered Directory Sync objects". */
    static void refuseSyncedObject(StoredObject o) {
        JsonNode synced = o.properties.get("onPremisesSyncEnabled");
        if (synced != null && synced.asBoolean(false)) {
            throw GraphException.badRequest("Unable to update the specified properties for on-premises mastered"
                    + " Directory Sync objects or objects currently undergoing migration.");
        }
    }

    static String resource(Kind kind) {
        return kind.odataType.substring("#microsoft.graph.".length());
    }
}
