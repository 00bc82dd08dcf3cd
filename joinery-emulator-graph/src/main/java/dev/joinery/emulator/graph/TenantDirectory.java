package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One tenant's directory: the objects, their uniqueness rules and the change log. Every method takes the
 * tenant's lock, so Graph calls and backdoor calls see one consistent directory. {@code viaGraph} calls obey
 * Graph's write rules (read-only properties refused); backdoor calls may set anything, as a directory sync
 * surface would.
 */
final class TenantDirectory {
    /** notes §5: soft-deleted objects are kept 30 days, then purged. */
    static final Duration SOFT_DELETE_RETENTION = Duration.ofDays(30);

    final String name;
    final Set<String> verifiedDomains = new LinkedHashSet<>();
    final ChangeLog log = new ChangeLog();
    private final Map<String, StoredObject> objects = new LinkedHashMap<>();
    private final Clock clock;
    private final int maxGroupMembers;

    TenantDirectory(String name, Clock clock, int maxGroupMembers) {
        this.name = name;
        this.clock = clock;
        this.maxGroupMembers = maxGroupMembers;
        verifiedDomains.add(name.toLowerCase(Locale.ROOT) + ".onmicrosoft.com");
    }

    synchronized StoredObject create(Kind kind, ObjectNode body, boolean viaGraph) {
        ObjectNode props = body.deepCopy();
        JsonNode profile = props.remove("passwordProfile");
        if (viaGraph) {
            DirectoryRules.rejectReadOnly(kind, props);
            if (profile != null) {
                props.set("passwordProfile", profile);
            }
            DirectoryRules.requireOnCreate(kind, props);
            props.remove("passwordProfile");
        }
        DirectoryRules.checkLengthsAndClears(props);
        String id = props.hasNonNull("id") && !viaGraph
                ? props.get("id").asText()
                : UUID.randomUUID().toString();
        StoredObject o = new StoredObject(kind, id, props);
        props.put("id", id);
        props.put("createdDateTime", clock.instant().toString());
        if (kind == Kind.USER) {
            DirectoryRules.checkUserPrincipalName(o.text("userPrincipalName"), verifiedDomains);
            if (profile != null && profile.hasNonNull("password")) {
                DirectoryRules.checkPassword(profile.get("password").asText());
                o.password = profile.get("password").asText();
            }
            DirectoryRules.checkImmutableId(null, props.get("onPremisesImmutableId"));
        }
        if (kind == Kind.GROUP) {
            prepareGroup(o, viaGraph);
        }
        if (!props.has("proxyAddresses") && kind != Kind.DEVICE) {
            props.putArray("proxyAddresses");
        }
        applyMail(o, null);
        checkUnique(o);
        o.changeSeq = log.next();
        objects.put(id, o);
        return o;
    }

    /** notes §1.4: only Microsoft 365 and security groups can be created through Graph; M365 groups get a mail. */
    private void prepareGroup(StoredObject o, boolean viaGraph) {
        boolean mailEnabled = o.properties.path("mailEnabled").asBoolean(false);
        if (viaGraph && mailEnabled && !o.isUnifiedGroup()) {
            throw GraphException.badRequest("Mail-enabled security groups and distribution lists cannot be"
                    + " created through Microsoft Graph.");
        }
        if (!o.properties.has("groupTypes")) {
            o.properties.putArray("groupTypes");
        }
        if (o.isUnifiedGroup() && !o.properties.hasNonNull("mail")) {
            o.properties.put(
                    "mail",
                    o.text("mailNickname") + "@" + verifiedDomains.iterator().next());
        }
    }

    synchronized StoredObject update(Kind kind, String idOrKey, ObjectNode patch, boolean viaGraph) {
        StoredObject o = require(kind, idOrKey);
        ObjectNode props = patch.deepCopy();
        JsonNode profile = props.remove("passwordProfile");
        if (viaGraph) {
            DirectoryRules.rejectReadOnly(kind, props);
            if (props.has("isAssignableToRole")) {
                throw GraphException.badRequest("Property 'isAssignableToRole' can only be set at creation.");
            }
            DirectoryRules.refuseSyncedObject(o);
        }
        DirectoryRules.checkLengthsAndClears(props);
        ObjectNode before = o.properties.deepCopy();
        String password = o.password;
        if (kind == Kind.USER) {
            if (props.has("userPrincipalName")) {
                DirectoryRules.checkUserPrincipalName(
                        props.path("userPrincipalName").asText(), verifiedDomains);
            }
            if (props.has("onPremisesImmutableId")) {
                DirectoryRules.checkImmutableId(o.text("onPremisesImmutableId"), props.get("onPremisesImmutableId"));
            }
            if (profile != null && profile.hasNonNull("password")) {
                DirectoryRules.checkPassword(profile.get("password").asText());
                o.password = profile.get("password").asText();
            }
        }
        String oldMail = o.text("mail");
        o.properties.setAll(props);
        try {
            applyMail(o, oldMail);
            checkUnique(o);
        } catch (GraphException e) {
            // notes §1.3: a colliding mail "fails the PATCH and changes neither property".
            o.properties.removeAll();
            o.properties.setAll(before);
            o.password = password;
            throw e;
        }
        o.changeSeq = log.next();
        return o;
    }

    /** notes §1.3: setting a user's mail makes it the primary {@code SMTP:} proxy, the old primary secondary. */
    private static void applyMail(StoredObject o, String oldMail) {
        String mail = o.text("mail");
        if (o.kind != Kind.USER || mail == null || mail.equalsIgnoreCase(Objects.toString(oldMail, ""))) {
            return;
        }
        ArrayNode proxies = JsonNodeFactory.instance.arrayNode();
        proxies.add("SMTP:" + mail);
        for (JsonNode p : o.properties.withArray("proxyAddresses")) {
            String v = p.asText();
            if (v.equalsIgnoreCase("smtp:" + mail)) {
                continue;
            }
            proxies.add(v.startsWith("SMTP:") ? "smtp:" + v.substring(5) : v);
        }
        o.properties.set("proxyAddresses", proxies);
    }

    /**
     * Tenant-wide uniqueness (notes §1.8): userPrincipalName among users; proxyAddresses across users, groups and
     * contacts; Microsoft 365 group mailNickname; onPremisesImmutableId (aadc-semantics-notes §2.13).
     */
    private void checkUnique(StoredObject o) {
        Set<String> proxies = proxyKeys(o);
        for (StoredObject other : objects.values()) {
            if (other == o || other.deleted()) {
                continue;
            }
            if (o.kind == Kind.USER && other.kind == Kind.USER) {
                same(o, other, "userPrincipalName");
                same(o, other, "onPremisesImmutableId");
            }
            if (o.kind == Kind.GROUP && other.kind == Kind.GROUP && o.isUnifiedGroup() && other.isUnifiedGroup()) {
                same(o, other, "mailNickname");
            }
            if (o.kind != Kind.DEVICE && other.kind != Kind.DEVICE) {
                for (String key : proxyKeys(other)) {
                    if (proxies.contains(key)) {
                        throw GraphException.conflict("proxyAddresses", other.id);
                    }
                }
            }
        }
    }

    private static void same(StoredObject o, StoredObject other, String property) {
        String a = o.text(property);
        if (a != null && a.equalsIgnoreCase(other.text(property))) {
            throw GraphException.conflict(property, other.id);
        }
    }

    private static Set<String> proxyKeys(StoredObject o) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode p : o.properties.path("proxyAddresses")) {
            keys.add(p.asText().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    /** Soft-deletes users and Microsoft 365 groups; others go for good (notes §5 "Soft delete keeps ..."). */
    synchronized void delete(Kind kind, String idOrKey) {
        StoredObject o = require(kind, idOrKey);
        boolean soft = kind == Kind.USER || (kind == Kind.GROUP && o.isUnifiedGroup());
        long seq = log.next();
        log.removals.add(new ChangeLog.Removal(seq, kind, o.id, !soft));
        if (soft) {
            o.deletedAt = clock.instant();
            o.properties.put("deletedDateTime", o.deletedAt.toString());
        } else {
            objects.remove(o.id);
        }
        for (StoredObject g : objects.values()) {
            if (g.kind == Kind.GROUP && g.members.contains(o.id)) {
                if (!soft) {
                    g.members.remove(o.id);
                }
                log.memberChanges.add(new ChangeLog.MemberChange(log.next(), g.id, o.id, false));
                g.changeSeq = log.current();
            }
        }
    }

    /** notes §5 "Restore": back with its memberships; refused when its unique values are now taken. */
    synchronized StoredObject restore(String id) {
        purgeExpired();
        StoredObject o = objects.get(id);
        if (o == null || !o.deleted()) {
            throw GraphException.notFound(id);
        }
        o.deletedAt = null;
        try {
            checkUnique(o);
        } catch (GraphException e) {
            o.deletedAt = Instant.parse(o.properties.get("deletedDateTime").asText());
            throw e;
        }
        o.properties.putNull("deletedDateTime");
        o.changeSeq = log.next();
        for (StoredObject g : objects.values()) {
            if (g.kind == Kind.GROUP && g.members.contains(o.id)) {
                log.memberChanges.add(new ChangeLog.MemberChange(log.next(), g.id, o.id, true));
                g.changeSeq = log.current();
            }
        }
        return o;
    }

    synchronized void purge(String id) {
        StoredObject o = objects.get(id);
        if (o == null || !o.deleted()) {
            throw GraphException.notFound(id);
        }
        objects.remove(id);
        objects.values().forEach(g -> g.members.remove(id));
        log.removals.add(new ChangeLog.Removal(log.next(), o.kind, id, true));
    }

    /** notes §5 "Add member": 400 when already a member, 404 when the member is unknown; §1.4 allowed types. */
    synchronized void addMember(String groupId, String memberId, boolean viaGraph) {
        StoredObject g = require(Kind.GROUP, groupId);
        StoredObject m = find(memberId).orElseThrow(() -> GraphException.notFound(memberId));
        if (viaGraph && g.properties.path("mailEnabled").asBoolean(false) && !g.isUnifiedGroup()) {
            throw GraphException.badRequest("Cannot Update a mail-enabled security groups and or distribution list.");
        }
        if (g.isUnifiedGroup() && m.kind != Kind.USER) {
            throw GraphException.badRequest("Microsoft 365 groups can only have users as members.");
        }
        if (m.kind == Kind.GROUP && m.isUnifiedGroup()) {
            throw GraphException.badRequest("Microsoft 365 groups cannot be members of other groups.");
        }
        if (g.members.contains(m.id)) {
            throw GraphException.badRequest("One or more added object references already exist for the following"
                    + " modified properties: 'members'.");
        }
        if (g.members.size() >= maxGroupMembers) {
            // aadc-semantics-notes §5.3: "Must have less than 250,000 members (also enforced by Entra ID)".
            throw GraphException.badRequest("The group has reached its limit of " + maxGroupMembers + " members.")
                    .detail("LimitExceeded", "members", "at most " + maxGroupMembers);
        }
        g.members.add(m.id);
        log.memberChanges.add(new ChangeLog.MemberChange(log.next(), g.id, m.id, true));
        g.changeSeq = log.current();
    }

    synchronized void removeMember(String groupId, String memberId) {
        StoredObject g = require(Kind.GROUP, groupId);
        if (!g.members.remove(memberId)) {
            throw GraphException.notFound(memberId);
        }
        log.memberChanges.add(new ChangeLog.MemberChange(log.next(), g.id, memberId, false));
        g.changeSeq = log.current();
    }

    /** Live members, in the order added. */
    synchronized List<StoredObject> members(String groupId) {
        StoredObject g = require(Kind.GROUP, groupId);
        List<StoredObject> result = new ArrayList<>();
        for (String id : g.members) {
            find(id).ifPresent(result::add);
        }
        return result;
    }

    /** A live object of {@code kind} by id, or a user by userPrincipalName (notes §5 "PATCH /users/{id | userPrincipalName}"). */
    synchronized StoredObject require(Kind kind, String idOrKey) {
        StoredObject o = objects.get(idOrKey);
        if (o == null && kind == Kind.USER) {
            o = objects.values().stream()
                    .filter(u -> u.kind == Kind.USER
                            && !u.deleted()
                            && idOrKey.equalsIgnoreCase(u.text("userPrincipalName")))
                    .findFirst()
                    .orElse(null);
        }
        if (o == null || o.kind != kind || o.deleted()) {
            throw GraphException.notFound(idOrKey);
        }
        return o;
    }

    /** Any live object by id. */
    synchronized Optional<StoredObject> find(String id) {
        StoredObject o = objects.get(id);
        return o == null || o.deleted() ? Optional.empty() : Optional.of(o);
    }

    synchronized List<StoredObject> list(Kind kind) {
        return objects.values().stream()
                .filter(o -> o.kind == kind && !o.deleted())
                .toList();
    }

    synchronized List<StoredObject> deleted(Kind kind) {
        purgeExpired();
        return objects.values().stream()
                .filter(o -> o.kind == kind && o.deleted())
                .toList();
    }

    synchronized StoredObject deletedItem(String id) {
        purgeExpired();
        StoredObject o = objects.get(id);
        if (o == null || !o.deleted()) {
            throw GraphException.notFound(id);
        }
        return o;
    }

    /** Objects of {@code kind}, live or soft-deleted, changed after {@code seq}. */
    synchronized List<StoredObject> changedSince(Kind kind, long seq) {
        return objects.values().stream()
                .filter(o -> o.kind == kind && !o.deleted() && o.changeSeq > seq)
                .toList();
    }

    private void purgeExpired() {
        Instant cutoff = clock.instant().minus(SOFT_DELETE_RETENTION);
        for (Iterator<StoredObject> it = objects.values().iterator(); it.hasNext(); ) {
            StoredObject o = it.next();
            if (o.deleted() && o.deletedAt.isBefore(cutoff)) {
                it.remove();
                log.removals.add(new ChangeLog.Removal(log.next(), o.kind, o.id, true));
            }
        }
    }

    Instant now() {
        return clock.instant();
    }
}
