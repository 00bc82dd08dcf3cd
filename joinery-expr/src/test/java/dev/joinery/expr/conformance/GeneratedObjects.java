package dev.joinery.expr.conformance;

import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates plausible directory objects for the attributes an expression reads: typed as Active Directory
 * and the metaverse hold them (binary GUIDs and SIDs, integer flags and timestamps, multi-valued phone
 * numbers, addresses, members and certificates, Booleans, strings), sometimes absent, sometimes with the
 * marks of special accounts that the out-of-box rules filter. Deterministic for a given random source.
 */
final class GeneratedObjects {
    private GeneratedObjects() {}

    /** The connector and system parameters of the AD connector ("Domain.Netbios", ...) and "Connector.ID". */
    static final Map<String, String> PARAMETERS = Map.of(
            "Domain.Netbios", "CONTOSO",
            "Domain.FQDN", "contoso.com",
            "Domain.LDAP", "DC=contoso,DC=com",
            "Forest.Netbios", "CONTOSO",
            "Forest.FQDN", "contoso.com",
            "Forest.LDAP", "DC=contoso,DC=com",
            "Connector.ID", "ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d");

    /** A fixed "now", so that Now() and certificate expiry do not depend on the day the tests run. */
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static final String[] GIVEN = {"John", "Jane", "Åsa", "Zoë", "Li", "Ravi", "Olúwaseun", "Marie-Claire"};
    private static final String[] SURNAME = {"Doe", "Smith", "Ström", "O'Neil", "García", "Nguyen", "Müller", "Ng"};
    private static final String[] SPECIAL_SAM = {
        "SUPPORT_388945a0", "MSOL_0123456789ab", "AAD_987d7f2f57d2", "CAS_{aa1b2c3d}", "MSOL_AD_Sync_RichCoexistence"
    };

    /** Attributes that are multi-valued strings in AD or the metaverse. */
    private static final Set<String> MULTI_STRING = Set.of(
            "proxyAddresses",
            "description",
            "postOfficeBox",
            "url",
            "otherTelephone",
            "otherMobile",
            "otherHomePhone",
            "otherIpPhone",
            "otherPager",
            "otherFacsimileTelephoneNumber",
            "cloudMSExchUserHoldPolicies",
            "showInAddressBook",
            "msExchPoliciesExcluded");

    /** Attributes that are binary. */
    private static final Set<String> BINARY = Set.of(
            "objectGUID",
            "mS-DS-ConsistencyGuid",
            "msExchMailboxGuid",
            "msExchArchiveGUID",
            "sourceAnchorBinary",
            "cloudMSExchBlockedSendersHash",
            "cloudMSExchSafeRecipientsHash",
            "cloudMSExchSafeSendersHash",
            "msExchBlockedSendersHash",
            "msExchSafeRecipientsHash",
            "msExchSafeSendersHash");

    /** Attributes that hold a SID. */
    private static final Set<String> SID =
            Set.of("objectSid", "msExchMasterAccountSid", "msRTCSIP-OriginatorSid", "sIDHistory", "objectSidString");

    /** Attributes that are Booleans. */
    private static final Set<String> BOOLEAN = Set.of(
            "isCriticalSystemObject",
            "msExchHideFromAddressLists",
            "cloudSOAExchMailbox",
            "cloudFiltered",
            "cloudMastered",
            "accountEnabled",
            "mailEnabled",
            "securityEnabled",
            "msExchRequireAuthToSendTo",
            "msRTCSIP-UserEnabled");

    /**
     * A context with a plausible value for each attribute (or none, when the generator leaves it absent), the
     * AD connector's parameters, a fixed clock and a random source derived from {@code random}.
     *
     * @param objectType the rule's source object type ({@code user}, {@code group}, {@code person}, ...)
     */
    static MapEvaluationContext generate(SplittableRandom random, String objectType, Set<String> attributes) {
        Person person = Person.random(random);
        MapEvaluationContext.Builder b = MapEvaluationContext.builder();
        PARAMETERS.forEach(b::parameter);
        b.clock(Clock.fixed(NOW, ZoneOffset.UTC)).random(new SplittableRandom(random.nextLong()));
        Map<String, Value> values = new LinkedHashMap<>();
        for (String name : attributes) {
            if (random.nextInt(100) < absentPercent(name)) {
                continue;
            }
            values.put(name, value(name, objectType, person, random));
        }
        if (values.containsKey("sourceAnchor") && attributes.contains("cloudSourceAnchor")) {
            // the cloud keeps the anchor it was given; a changed anchor (an Error flow) is rare
            if (random.nextInt(10) == 0) {
                values.put("cloudSourceAnchor", Value.of(base64(bytes(random, 16))));
            } else if (values.containsKey("cloudSourceAnchor")) {
                values.put("cloudSourceAnchor", values.get("sourceAnchor"));
            }
        }
        values.forEach(b::attribute);
        return b.build();
    }

    private static int absentPercent(String name) {
        switch (name) {
            case "objectGUID":
            case "objectSid":
            case "dn":
            case "cn":
            case "sourceAnchor":
            case "sourceObjectType":
                return 0;
            case "sAMAccountName":
                return 3;
            case "isCriticalSystemObject":
                return 95;
            case "cloudSourceAnchor":
                return 30;
            default:
                return 20;
        }
    }

    /** A plausible value of one attribute, typed as the directory holds it. */
    static Value value(String name, String objectType, Person p, SplittableRandom r) {
        if (BINARY.contains(name)) {
            return Value.ofBytes(bytes(r, 16));
        }
        if (SID.contains(name)) {
            return Value.ofBytes(sid(r));
        }
        if (BOOLEAN.contains(name)) {
            return Value.of(name.equals("isCriticalSystemObject") || r.nextBoolean());
        }
        if (MULTI_STRING.contains(name)) {
            return multiString(name, p, r);
        }
        switch (name) {
            case "userAccountControl":
                return Value.of(pick(r, 512L, 514L, 66048L, 66050L, 544L, 4096L, 4098L, 532480L));
            case "msExchRecipientTypeDetails":
                return Value.of(pick(r, 1L, 1L, 2L, 4L, 128L, 2147483648L, 0x1000L, 0x400000L, 34359738368L));
            case "groupType":
                return Value.of(pick(r, -2147483646L, -2147483644L, -2147483640L, 2L, 4L, 8L));
            case "pwdLastSet":
            case "lastLogonTimestamp":
            case "accountExpires":
                return Value.of(r.nextInt(20) == 0 ? 0L : fileTime(r));
            case "countryCode":
                return Value.of(pick(r, 840L, 276L, 752L, 0L));
            case "memberCount":
                return Value.of(r.nextInt(50) == 0 ? 50001L + r.nextInt(1000) : r.nextInt(2000));
            case "cloudMSExchRecipientDisplayType":
                return Value.of(pick(r, 0L, 1L, 2L, 6L, 7L, 1073741824L, 1073741840L, -2147483642L));
            case "member":
                return multiRef(r);
            case "userCertificate":
                return multiBytes(r, 1 + r.nextInt(3), 300);
            case "searchableDeviceKey":
                return multiKeys(r);
            case "dn":
            case "distinguishedName":
                return r.nextBoolean() ? Value.of(p.dn(r)) : Value.ref(p.dn(r));
            case "sAMAccountName":
                return Value.of(r.nextInt(12) == 0 ? pick(r, SPECIAL_SAM) : p.sam);
            case "mailNickname":
                return Value.of(
                        r.nextInt(15) == 0
                                ? pick(r, "SystemMailbox{1f05a927-3be2-4fb9-aa03-b59fe3b56f4c}", "CAS_{x1}")
                                : p.sam);
            case "userPrincipalName":
                return Value.of(p.sam + "@contoso.com");
            case "mail":
            case "targetAddress":
                return Value.of(p.mailLocal() + "@contoso.com");
            case "displayName":
                return Value.of(r.nextInt(10) == 0 ? p.given + " " + p.surname + " (MSOL)" : p.given + " " + p.surname);
            case "cn":
            case "name":
                return Value.of(p.given + " " + p.surname);
            case "givenName":
                return Value.of(padded(r, p.given));
            case "sn":
                return Value.of(padded(r, p.surname));
            case "sourceAnchor":
            case "cloudSourceAnchor":
                return Value.of(base64(bytes(r, 16)));
            case "cloudAnchor":
                return Value.of(
                        sourceObjectType(objectType, r) + "_" + HexFormat.of().formatHex(bytes(r, 16)));
            case "sourceObjectType":
                return Value.of(sourceObjectType(objectType, r));
            case "legacyExchangeDN":
            case "cloudLegacyExchangeDN":
                return Value.of("/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
                        + HexFormat.of().formatHex(bytes(r, 16)) + "-" + p.sam);
            case "info":
                return Value.of(r.nextInt(5) == 0 ? "x".repeat(500) : "Line one\r\nLine two ");
            case "usageLocation":
                return Value.of(pick(r, "US", "DE", "SE"));
            case "preferredLanguage":
                return Value.of(pick(r, "en-US", "de-DE", "sv-SE"));
            case "telephoneNumber":
            case "mobile":
            case "homePhone":
            case "ipPhone":
            case "pager":
            case "facsimileTelephoneNumber":
            case "telephoneAssistant":
                return Value.of(phone(r));
            case "wWWHomePage":
                return Value.of("https://contoso.com/~" + p.sam);
            default:
                return Value.of(padded(r, p.given + "-" + name + "-" + r.nextInt(1000)));
        }
    }

    /** A random string attribute value, for attributes the generator does not know. */
    private static String padded(SplittableRandom r, String s) {
        switch (r.nextInt(6)) {
            case 0:
                return "  " + s + " ";
            case 1:
                return s + "\t";
            default:
                return s;
        }
    }

    private static Value multiString(String name, Person p, SplittableRandom r) {
        List<Value> values = new ArrayList<>();
        if (name.equals("proxyAddresses")) {
            values.add(Value.of("SMTP:" + p.mailLocal() + "@contoso.com"));
            if (r.nextBoolean()) {
                values.add(Value.of("smtp:" + p.sam + "@contoso.mail.onmicrosoft.com"));
            }
            if (r.nextInt(3) == 0) {
                values.add(Value.of("SIP:" + p.mailLocal() + "@contoso.com"));
            }
            if (r.nextInt(4) == 0) {
                values.add(Value.of("X500:/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=" + p.sam));
            }
            if (r.nextInt(8) == 0) {
                values.remove(0); // no primary SMTP address
            }
        } else if (name.startsWith("other") || name.equals("url")) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                values.add(Value.of(name.equals("url") ? "https://contoso.com/" + i : phone(r)));
            }
        } else {
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                values.add(Value.of(padded(r, name + " " + (i + 1) + " of " + p.given)));
            }
        }
        return Value.multi(values);
    }

    private static Value multiRef(SplittableRandom r) {
        List<Value> values = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            values.add(Value.ref("CN=Member " + i + ",OU=Users,DC=contoso,DC=com"));
        }
        return Value.multi(values);
    }

    private static Value multiBytes(SplittableRandom r, int count, int length) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(Value.ofBytes(bytes(r, length)));
        }
        return Value.multi(values);
    }

    /**
     * Windows Hello key blobs as the NGCKey flow slices them: byte 1 is the version (0), bytes 5 and 6 the
     * little-endian length of the header that follows byte 7, then the public key.
     */
    private static Value multiKeys(SplittableRandom r) {
        List<Value> values = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            int header = 4 + r.nextInt(20);
            byte[] key = bytes(r, 7 + header + 270);
            key[0] = 0;
            key[4] = (byte) header;
            key[5] = 0;
            values.add(Value.ofBytes(key));
        }
        return Value.multi(values);
    }

    private static String sourceObjectType(String objectType, SplittableRandom r) {
        switch (objectType.toLowerCase(Locale.ROOT)) {
            case "group":
                return "Group";
            case "contact":
                return "Contact";
            case "device":
            case "computer":
                return "Device";
            case "person":
                return r.nextInt(4) == 0 ? "Contact" : "User";
            default:
                return "User";
        }
    }

    /** A FILETIME (100-ns ticks since 1601) between 2010 and 2025. */
    private static long fileTime(SplittableRandom r) {
        long seconds = Instant.parse("2010-01-01T00:00:00Z").getEpochSecond() + r.nextLong(15L * 365 * 24 * 3600);
        return (seconds + 11_644_473_600L) * 10_000_000L;
    }

    /** A domain account SID, S-1-5-21-x-y-z-rid, as AD stores it. */
    static byte[] sid(SplittableRandom r) {
        byte[] b = new byte[28];
        b[0] = 1; // revision
        b[1] = 5; // sub-authority count
        b[7] = 5; // NT authority, big-endian 48 bits
        int[] sub = {21, r.nextInt(), r.nextInt(), r.nextInt(), 1000 + r.nextInt(100_000)};
        for (int i = 0; i < sub.length; i++) {
            int v = sub[i];
            b[8 + 4 * i] = (byte) v;
            b[9 + 4 * i] = (byte) (v >>> 8);
            b[10 + 4 * i] = (byte) (v >>> 16);
            b[11 + 4 * i] = (byte) (v >>> 24);
        }
        return b;
    }

    private static String phone(SplittableRandom r) {
        return "+1 425-555-" + (1000 + r.nextInt(9000));
    }

    static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }

    /** The person an object stands for, so that its names, account and addresses agree. */
    record Person(String given, String surname, String sam) {
        static Person random(SplittableRandom r) {
            String given = pick(r, GIVEN);
            String surname = pick(r, SURNAME);
            String sam =
                    (given.substring(0, 1) + surname).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")
                            + r.nextInt(100);
            return new Person(given, surname, sam);
        }

        String mailLocal() {
            return (given + "." + surname).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        }

        /** The DN; now and then with the replication-conflict mark "\0ACNF:" in its first RDN. */
        String dn(SplittableRandom r) {
            String rdn = "CN=" + given + " " + surname;
            if (r.nextInt(15) == 0) {
                rdn += "\\0ACNF:" + HexFormat.of().formatHex(bytes(r, 4)) + "-4a1b-8c2d-0123456789ab";
            }
            return rdn + ",OU=Users,DC=contoso,DC=com";
        }
    }
}
