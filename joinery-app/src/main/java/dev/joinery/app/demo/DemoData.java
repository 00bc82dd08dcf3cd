package dev.joinery.app.demo;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The demo's generated directories, the same for the same seed: an account forest ({@code contoso.com}) with enabled
 * users in departments with managers, leavers, nested security groups and computers with and without
 * userCertificate; a resource forest ({@code res.contoso.com}) with a disabled user and a linked mailbox for most
 * accounts ({@code msExchMasterAccountSid} = the account's objectSid), room mailboxes, contacts and nested
 * distribution groups; and in both, the objects the rules must filter out: critical system objects,
 * {@code SUPPORT_388945a0}, an {@code MSOL_} account, a system mailbox, a {@code \0ACNF:} replication conflict and
 * linked mailboxes whose account does not exist. Immutable once generated.
 */
public final class DemoData {
    public static final String ACCOUNT_DOMAIN = "contoso.com";
    public static final String ACCOUNT_BASE = "DC=contoso,DC=com";
    public static final String RESOURCE_DOMAIN = "res.contoso.com";
    public static final String RESOURCE_BASE = "DC=res,DC=contoso,DC=com";
    private static final String ACCOUNT_SID = "S-1-5-21-1004336348-1177238915-682003330";
    private static final String RESOURCE_SID = "S-1-5-21-2127521184-1604012920-1887927527";

    private static final String[] FIRST = {
        "Aisha", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Keiko", "Liam", "Maya",
        "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe",
        "Anna", "Bruno", "Chloe", "David", "Emma", "Felix", "Hana", "Ivan", "Julia", "Karim", "Lena", "Marco", "Nina",
        "Oscar"
    };
    private static final String[] LAST = {
        "Abbott", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski",
        "Lopez", "Meyer", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga",
        "Weber", "Xu", "Yilmaz", "Zimmermann", "Andersen", "Brown", "Chen", "Davies", "Evans", "Ferreira", "Gomez",
        "Horvat", "Ivanova", "Jones", "Kim", "Larsen", "Moreau", "Novak"
    };
    private static final String[] DEPARTMENTS = {
        "Sales", "Marketing", "Finance", "Engineering", "Support", "Legal", "Operations", "HR"
    };
    private static final String[] TITLES = {"Specialist", "Analyst", "Engineer", "Coordinator", "Consultant"};
    private static final String[] CITIES = {"Seattle", "London", "Berlin", "Madrid", "Tokyo"};

    /** How many of each kind the generator makes. */
    public record Sizes(int enabledUsers, int leavers, int linkedMailboxes, int rooms, int contacts, int computers) {
        public static final Sizes DEFAULT = new Sizes(300, 12, 240, 5, 20, 40);
    }

    /**
     * What the rules should make of the data: the users and groups that must reach the tenant, the linked mailboxes
     * that must join their accounts, and the objects that must not be exported.
     *
     * @param exportedUserPrincipalNames every user the tenant must end up with
     * @param exportedGroups the mailNickname of every group the tenant must end up with
     * @param linkedMailboxes DN of a resource-forest mailbox to the DN of the account it must join
     * @param filteredAccountNames sAMAccountNames of objects that must not reach the tenant
     * @param sampleUser a user without a mailbox, for the README's ldapmodify example: its DN
     * @param sampleUserPrincipalName that user's userPrincipalName
     */
    public record Expected(
            List<String> exportedUserPrincipalNames,
            List<String> exportedGroups,
            Map<String, String> linkedMailboxes,
            List<String> filteredAccountNames,
            String sampleUser,
            String sampleUserPrincipalName) {}

    private final long seed;
    private final Sizes sizes;
    private final SplittableRandom random;
    private final List<Entry> account = new ArrayList<>();
    private final List<Entry> resource = new ArrayList<>();
    private final List<String> exportedUpns = new ArrayList<>();
    private final List<String> exportedGroups = new ArrayList<>();
    private final Map<String, String> linked = new LinkedHashMap<>();
    private final List<String> filtered = new ArrayList<>();
    private final Set<String> sams = new HashSet<>();
    private String sampleUser;
    private String sampleUpn;
    private int accountRid = 1100;
    private int resourceRid = 1100;

    private DemoData(long seed, Sizes sizes) {
        this.seed = seed;
        this.sizes = sizes;
        this.random = new SplittableRandom(seed);
        generate();
    }

    /** The data of {@code seed}. */
    public static DemoData generate(long seed, Sizes sizes) {
        return new DemoData(seed, sizes);
    }

    public long seed() {
        return seed;
    }

    /** The account forest's entries, parents before children (the base entry excluded). */
    public List<Entry> accountForest() {
        return List.copyOf(account);
    }

    /** The resource forest's entries, parents before children (the base entry excluded). */
    public List<Entry> resourceForest() {
        return List.copyOf(resource);
    }

    public Expected expected() {
        return new Expected(
                List.copyOf(exportedUpns),
                List.copyOf(exportedGroups),
                Map.copyOf(linked),
                List.copyOf(filtered),
                sampleUser,
                sampleUpn);
    }

    private record Person(String first, String last, String sam, String upn, String dn, byte[] sid, String dept) {}

    private void generate() {
        for (String ou : List.of("People", "Groups", "Computers", "Service Accounts")) {
            account.add(ou(ou, ACCOUNT_BASE));
        }
        account.add(container("Users", ACCOUNT_BASE));
        for (String ou : List.of("Mailboxes", "Rooms", "Contacts", "Distribution Lists")) {
            resource.add(ou(ou, RESOURCE_BASE));
        }
        resource.add(container("Users", RESOURCE_BASE));
        systemObjects(account, ACCOUNT_BASE, ACCOUNT_SID);
        systemObjects(resource, RESOURCE_BASE, RESOURCE_SID);

        // Account forest: department heads first, then staff, then leavers.
        Map<String, Person> heads = new LinkedHashMap<>();
        Map<String, List<Person>> byDept = new LinkedHashMap<>();
        List<Person> enabled = new ArrayList<>();
        for (int i = 0; i < sizes.enabledUsers(); i++) {
            String dept = DEPARTMENTS[i % DEPARTMENTS.length];
            Person head = heads.get(dept);
            Person p = person(dept);
            Entry e = accountUser(p, 512, head == null ? null : head.dn, head == null ? "Head of " + dept : null);
            if (i % 10 == 3) {
                e.addAttribute("mS-DS-ConsistencyGuid", guid());
            }
            account.add(e);
            heads.putIfAbsent(dept, p);
            byDept.computeIfAbsent(dept, k -> new ArrayList<>()).add(p);
            enabled.add(p);
            exportedUpns.add(p.upn);
        }
        for (int i = 0; i < sizes.leavers(); i++) {
            Person p = person(DEPARTMENTS[i % DEPARTMENTS.length]);
            Entry e = accountUser(p, 514, null, null);
            e.addAttribute("description", "Left the company; account kept disabled");
            account.add(e);
            exportedUpns.add(p.upn);
        }
        Person sample = enabled.get(Math.min(enabled.size() - 1, sizes.linkedMailboxes() + 3));
        sampleUser = sample.dn;
        sampleUpn = sample.upn;

        // Security groups: one per department, managers, all staff (nests the department groups), VPN (nests managers).
        List<String> deptGroups = new ArrayList<>();
        for (Map.Entry<String, List<Person>> d : byDept.entrySet()) {
            String dn = securityGroup(
                    "SG-" + d.getKey(),
                    d.getKey() + " department",
                    d.getValue().stream().map(Person::dn).toList());
            deptGroups.add(dn);
        }
        String managers = securityGroup(
                "SG-Managers",
                "Department heads",
                heads.values().stream().map(Person::dn).toList());
        securityGroup("SG-All-Staff", "Every department group (nested)", deptGroups);
        List<String> vpn = new ArrayList<>();
        vpn.add(managers);
        for (int i = 0; i < Math.min(40, enabled.size()); i++) {
            vpn.add(enabled.get(random.nextInt(enabled.size())).dn);
        }
        securityGroup(
                "SG-VPN-Users",
                "Remote access; nests SG-Managers",
                vpn.stream().distinct().toList());

        // Computers: half with a userCertificate (Windows 10+ joined devices), half without.
        for (int i = 1; i <= sizes.computers(); i++) {
            String name = String.format(Locale.ROOT, "PC%04d", i);
            Entry c = new Entry("CN=" + name + ",OU=Computers," + ACCOUNT_BASE);
            c.addAttribute("objectClass", "top", "person", "organizationalPerson", "user", "computer");
            c.addAttribute("cn", name);
            c.addAttribute("sAMAccountName", name + "$");
            c.addAttribute("userAccountControl", "4096");
            c.addAttribute("objectSid", sid(ACCOUNT_SID, accountRid++));
            c.addAttribute("objectGUID", guid());
            c.addAttribute("dNSHostName", name.toLowerCase(Locale.ROOT) + "." + ACCOUNT_DOMAIN);
            c.addAttribute("operatingSystem", i % 2 == 0 ? "Windows 11 Enterprise" : "Windows Server 2019 Standard");
            if (i % 2 == 0) {
                c.addAttribute("userCertificate", bytes(64));
            }
            account.add(c);
        }

        // Objects the rules must filter out, in the account forest.
        Entry support = plainUser(account, "SUPPORT_388945a0", "CN=Users," + ACCOUNT_BASE, ACCOUNT_SID, 514);
        account.add(support);
        filtered.add("SUPPORT_388945a0");
        Entry msol = plainUser(account, "MSOL_3f8a1c2b9d4e", "OU=Service Accounts," + ACCOUNT_BASE, ACCOUNT_SID, 66048);
        msol.addAttribute("description", "Account created by Azure AD Connect (earlier sync server)");
        account.add(msol);
        filtered.add("MSOL_3f8a1c2b9d4e");
        Person victim = person("Sales");
        Entry cnf = new Entry("CN=" + victim.first + " " + victim.last + "\\0ACNF:7c1d55e3-9a2b-4f0e-b7a5-1d2c3b4a5f60"
                + ",OU=People," + ACCOUNT_BASE);
        cnf.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        cnf.addAttribute("cn", victim.first + " " + victim.last + "\nCNF:7c1d55e3-9a2b-4f0e-b7a5-1d2c3b4a5f60");
        cnf.addAttribute("sAMAccountName", "$DUPLICATE-1f4");
        cnf.addAttribute("userAccountControl", "512");
        cnf.addAttribute("objectSid", sid(ACCOUNT_SID, accountRid++));
        cnf.addAttribute("objectGUID", guid());
        cnf.addAttribute("userPrincipalName", victim.upn);
        account.add(cnf);
        filtered.add("$DUPLICATE-1f4");

        // Resource forest: a disabled user with a linked mailbox for most accounts.
        for (int i = 0; i < Math.min(sizes.linkedMailboxes(), enabled.size()); i++) {
            Person a = enabled.get(i);
            Entry m = mailbox(a.first, a.last, a.sam, "OU=Mailboxes," + RESOURCE_BASE, 2);
            m.addAttribute("msExchMasterAccountSid", a.sid);
            m.addAttribute("department", a.dept);
            m.addAttribute("title", TITLES[i % TITLES.length] + ", " + a.dept);
            resource.add(m);
            linked.put(m.getDN(), a.dn);
        }
        // Linked mailboxes whose account is gone: projected, but without a sourceAnchor they are not exported.
        for (int i = 0; i < 2; i++) {
            Person orphan = person("Operations");
            Entry m = mailbox(orphan.first, orphan.last, orphan.sam, "OU=Mailboxes," + RESOURCE_BASE, 2);
            m.addAttribute("msExchMasterAccountSid", sid(ACCOUNT_SID, 90_000 + i));
            resource.add(m);
            filtered.add(orphan.sam);
        }
        // Room mailboxes: disabled accounts that are synchronized.
        for (int i = 1; i <= sizes.rooms(); i++) {
            String name = "Room " + CITIES[i % CITIES.length] + " " + i;
            String sam = "room" + i;
            Entry r = mailbox(name, "", sam, "OU=Rooms," + RESOURCE_BASE, 16);
            r.addAttribute("userPrincipalName", sam + "@" + ACCOUNT_DOMAIN);
            resource.add(r);
            exportedUpns.add(sam + "@" + ACCOUNT_DOMAIN);
        }
        // A system mailbox: filtered by its mailNickname and recipient type.
        Entry system = mailbox(
                "SystemMailbox{e0dc1c29-89c3-4034-b678-e6c29d823ed9}",
                "",
                "SM_4b2a1c9e8d7f",
                "CN=Users," + RESOURCE_BASE,
                8_388_608);
        system.setAttribute("mailNickname", "SystemMailbox{e0dc1c29-89c3-4034-b678-e6c29d823ed9}");
        resource.add(system);
        filtered.add("SM_4b2a1c9e8d7f");
        // Contacts: mail-enabled, projected to the metaverse; organizational contacts are read-only in Graph.
        for (int i = 0; i < sizes.contacts(); i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String mail = (first + "." + last + i).toLowerCase(Locale.ROOT) + "@fabrikam.example";
            Entry c = new Entry("CN=" + first + " " + last + " " + i + ",OU=Contacts," + RESOURCE_BASE);
            c.addAttribute("objectClass", "top", "person", "organizationalPerson", "contact");
            c.addAttribute("cn", first + " " + last + " " + i);
            c.addAttribute("displayName", first + " " + last + " (Fabrikam)");
            c.addAttribute("givenName", first);
            c.addAttribute("sn", last);
            c.addAttribute("mail", mail);
            c.addAttribute("mailNickname", "fab-" + i);
            c.addAttribute("proxyAddresses", "SMTP:" + mail);
            c.addAttribute("company", "Fabrikam");
            c.addAttribute("objectGUID", guid());
            resource.add(c);
        }
        // Distribution lists, nested: mail-enabled, not security-enabled; Graph cannot create them.
        List<String> lists = new ArrayList<>();
        for (String dept : List.of("Sales", "Marketing", "Engineering", "Support")) {
            List<String> members = new ArrayList<>();
            for (Map.Entry<String, String> l : linked.entrySet()) {
                if (members.size() < 15 && random.nextInt(4) == 0) {
                    members.add(l.getKey());
                }
            }
            lists.add(distributionList("DL-" + dept + "-News", members));
        }
        distributionList("DL-All-Company", lists);
    }

    private void systemObjects(List<Entry> into, String base, String domainSid) {
        for (String[] u :
                new String[][] {{"Administrator", "500", "66048"}, {"krbtgt", "502", "514"}, {"Guest", "501", "66082"}
                }) {
            Entry e = new Entry("CN=" + u[0] + ",CN=Users," + base);
            e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
            e.addAttribute("cn", u[0]);
            e.addAttribute("sAMAccountName", u[0]);
            e.addAttribute("userAccountControl", u[2]);
            e.addAttribute("isCriticalSystemObject", "TRUE");
            e.addAttribute("objectSid", sid(domainSid, Integer.parseInt(u[1])));
            e.addAttribute("objectGUID", guid());
            into.add(e);
            if (into == account) {
                filtered.add(u[0]);
            }
        }
        for (String[] g : new String[][] {{"Domain Admins", "512"}, {"Domain Users", "513"}}) {
            Entry e = new Entry("CN=" + g[0] + ",CN=Users," + base);
            e.addAttribute("objectClass", "top", "group");
            e.addAttribute("cn", g[0]);
            e.addAttribute("sAMAccountName", g[0]);
            e.addAttribute("groupType", "-2147483646");
            e.addAttribute("isCriticalSystemObject", "TRUE");
            e.addAttribute("objectSid", sid(domainSid, Integer.parseInt(g[1])));
            e.addAttribute("objectGUID", guid());
            e.addAttribute("member", "CN=Administrator,CN=Users," + base);
            into.add(e);
        }
    }

    private Person person(String dept) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String base = (first.charAt(0) + last).toLowerCase(Locale.ROOT);
        String sam = base;
        for (int n = 2; !sams.add(sam); n++) {
            sam = base + n;
        }
        String upnLocal =
                (first + "." + last).toLowerCase(Locale.ROOT) + (sam.equals(base) ? "" : sam.substring(base.length()));
        String cn = first + " " + last + (sam.equals(base) ? "" : " " + sam.substring(base.length()));
        return new Person(
                first,
                last,
                sam,
                upnLocal + "@" + ACCOUNT_DOMAIN,
                "CN=" + cn + ",OU=People," + ACCOUNT_BASE,
                sid(ACCOUNT_SID, accountRid++),
                dept);
    }

    private Entry accountUser(Person p, int uac, String manager, String title) {
        Entry e = new Entry(p.dn);
        e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        e.addAttribute("cn", p.dn.substring(3, p.dn.indexOf(",OU=")));
        e.addAttribute("givenName", p.first);
        e.addAttribute("sn", p.last);
        e.addAttribute("displayName", p.first + " " + p.last);
        e.addAttribute("sAMAccountName", p.sam);
        e.addAttribute("userPrincipalName", p.upn);
        e.addAttribute("userAccountControl", Integer.toString(uac));
        e.addAttribute("objectSid", p.sid);
        e.addAttribute("objectGUID", guid());
        e.addAttribute("department", p.dept);
        e.addAttribute("title", title != null ? title : TITLES[random.nextInt(TITLES.length)]);
        e.addAttribute("employeeID", String.format(Locale.ROOT, "E%05d", 10_000 + random.nextInt(89_999)));
        e.addAttribute("l", CITIES[random.nextInt(CITIES.length)]);
        e.addAttribute("telephoneNumber", String.format(Locale.ROOT, "+1 425 555 %04d", random.nextInt(10_000)));
        if (manager != null) {
            e.addAttribute("manager", manager);
        }
        return e;
    }

    private Entry plainUser(List<Entry> forest, String sam, String container, String domainSid, int uac) {
        Entry e = new Entry("CN=" + sam + "," + container);
        e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        e.addAttribute("cn", sam);
        e.addAttribute("sAMAccountName", sam);
        e.addAttribute("userAccountControl", Integer.toString(uac));
        e.addAttribute("objectSid", sid(domainSid, forest == account ? accountRid++ : resourceRid++));
        e.addAttribute("objectGUID", guid());
        return e;
    }

    private Entry mailbox(String first, String last, String sam, String container, long recipientType) {
        String cn = last.isEmpty()
                ? first
                : first + " " + last + (sam.matches(".*\\d$") ? " " + sam.replaceAll("\\D", "") : "");
        String local = last.isEmpty() ? sam : (first + "." + last).toLowerCase(Locale.ROOT) + sam.replaceAll("\\D", "");
        String mail = local + "@" + ACCOUNT_DOMAIN;
        Entry m = new Entry("CN=" + cn + "," + container);
        m.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        m.addAttribute("cn", cn);
        if (!last.isEmpty()) {
            m.addAttribute("givenName", first);
            m.addAttribute("sn", last);
        }
        m.addAttribute("displayName", last.isEmpty() ? first : first + " " + last);
        m.addAttribute("sAMAccountName", sam);
        m.addAttribute("userAccountControl", "514");
        m.addAttribute("objectSid", sid(RESOURCE_SID, resourceRid++));
        m.addAttribute("objectGUID", guid());
        m.addAttribute("mailNickname", local);
        m.addAttribute("mail", mail);
        m.addAttribute("proxyAddresses", "SMTP:" + mail, "smtp:" + local + "@" + RESOURCE_DOMAIN);
        m.addAttribute("msExchRecipientTypeDetails", Long.toString(recipientType));
        return m;
    }

    private String securityGroup(String name, String description, List<String> members) {
        Entry g = new Entry("CN=" + name + ",OU=Groups," + ACCOUNT_BASE);
        g.addAttribute("objectClass", "top", "group");
        g.addAttribute("cn", name);
        g.addAttribute("sAMAccountName", name);
        g.addAttribute("description", description);
        g.addAttribute("groupType", "-2147483646");
        g.addAttribute("objectSid", sid(ACCOUNT_SID, accountRid++));
        g.addAttribute("objectGUID", guid());
        if (!members.isEmpty()) {
            g.addAttribute(new Attribute("member", members));
        }
        account.add(g);
        exportedGroups.add(name);
        return g.getDN();
    }

    private String distributionList(String name, List<String> members) {
        String mail = name.toLowerCase(Locale.ROOT) + "@" + ACCOUNT_DOMAIN;
        Entry g = new Entry("CN=" + name + ",OU=Distribution Lists," + RESOURCE_BASE);
        g.addAttribute("objectClass", "top", "group");
        g.addAttribute("cn", name);
        g.addAttribute("sAMAccountName", name);
        g.addAttribute("groupType", "8");
        g.addAttribute("objectSid", sid(RESOURCE_SID, resourceRid++));
        g.addAttribute("objectGUID", guid());
        g.addAttribute("mail", mail);
        g.addAttribute("mailNickname", name);
        g.addAttribute("proxyAddresses", "SMTP:" + mail);
        if (!members.isEmpty()) {
            g.addAttribute(new Attribute("member", members));
        }
        resource.add(g);
        return g.getDN();
    }

    private static Entry ou(String name, String base) {
        Entry e = new Entry("OU=" + name + "," + base);
        e.addAttribute("objectClass", "top", "organizationalUnit");
        e.addAttribute("ou", name);
        return e;
    }

    private static Entry container(String name, String base) {
        Entry e = new Entry("CN=" + name + "," + base);
        e.addAttribute("objectClass", "top", "container");
        e.addAttribute("cn", name);
        return e;
    }

    private byte[] guid() {
        return bytes(16);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** The binary form of {@code domainSid}-{@code rid}: revision, count, 48-bit authority, little-endian subauthorities. */
    static byte[] sid(String domainSid, int rid) {
        String[] parts = domainSid.split("-");
        int subCount = parts.length - 3 + 1;
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * subCount);
        b.put((byte) 1).put((byte) subCount);
        long authority = Long.parseLong(parts[2]);
        for (int i = 5; i >= 0; i--) {
            b.put((byte) (authority >>> (8 * i)));
        }
        b.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 3; i < parts.length; i++) {
            b.putInt((int) Long.parseLong(parts[i]));
        }
        b.putInt(rid);
        return b.array();
    }
}
