package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tenant of a {@link GraphEmulator}: its application registrations and a backdoor to its directory that
 * bypasses authentication, throttling and Graph's read-only rules (as a directory-synchronization surface
 * would write), for tests and demo seeding. Uniqueness still holds. Objects are JSON in Graph's own property
 * names. Thread-safe. Not for subclassing.
 */
public final class EmulatedTenant {
    /** A registered application: a client secret and/or certificates. */
    record App(String secret, List<X509Certificate> certificates) {}

    private final TenantDirectory directory;
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final AtomicInteger deltaEpoch = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    EmulatedTenant(TenantDirectory directory) {
        this.directory = directory;
    }

    /** The tenant's name, as used in the token endpoint path. */
    public String name() {
        return directory.name;
    }

    /** Registers (or replaces) an application that may sign in with {@code clientSecret}. */
    public EmulatedTenant registerApp(String clientId, String clientSecret) {
        apps.put(Objects.requireNonNull(clientId), new App(Objects.requireNonNull(clientSecret), List.of()));
        return this;
    }

    /** Registers a certificate credential for an application (notes §8 "keyCredentials"). */
    public EmulatedTenant registerCertificate(String clientId, X509Certificate certificate) {
        apps.compute(clientId, (k, old) -> {
            List<X509Certificate> certs = new ArrayList<>(old == null ? List.of() : old.certificates());
            certs.add(certificate);
            return new App(old == null ? null : old.secret(), List.copyOf(certs));
        });
        return this;
    }

    /** Adds a verified domain, which userPrincipalNames may use (notes §1.2). */
    public EmulatedTenant addVerifiedDomain(String domain) {
        synchronized (directory) {
            directory.verifiedDomains.add(domain.toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /**
     * Backdoor: creates an object of {@code type} ({@code user}, {@code group}, {@code orgContact}, {@code device})
     * with any properties, read-only ones included; an {@code id} is kept if given.
     *
     * @return the new object's id
     */
    public String create(String type, ObjectNode properties) {
        return directory.create(kind(type), properties, false).id;
    }

    /** Backdoor: sets properties (a null value clears one). */
    public void update(String id, ObjectNode properties) {
        StoredObject o = live(id);
        directory.update(o.kind, id, properties, false);
    }

    /** Backdoor: deletes as Graph would (soft for users and Microsoft 365 groups). */
    public void delete(String id) {
        StoredObject o = live(id);
        directory.delete(o.kind, id);
    }

    public void addMember(String groupId, String memberId) {
        directory.addMember(groupId, memberId, false);
    }

    public void removeMember(String groupId, String memberId) {
        directory.removeMember(groupId, memberId);
    }

    /** Every stored property of a live object, read-only ones included. */
    public Optional<ObjectNode> get(String id) {
        synchronized (directory) {
            return directory.find(id).map(Representation::withId);
        }
    }

    /** The id of the live object of {@code type} whose {@code property} equals {@code value}, ignoring case. */
    public Optional<String> find(String type, String property, String value) {
        return directory.list(kind(type)).stream()
                .filter(o -> value.equalsIgnoreCase(o.text(property)))
                .map(o -> o.id)
                .findFirst();
    }

    /** The ids of the live objects of {@code type}, for tests that compare the whole tenant with what they expect. */
    public List<String> ids(String type) {
        synchronized (directory) {
            return directory.list(kind(type)).stream().map(o -> o.id).toList();
        }
    }

    /** The ids of a group's live members. */
    public List<String> members(String groupId) {
        return directory.members(groupId).stream().map(o -> o.id).toList();
    }

    /** Whether an object is soft-deleted (in {@code /directory/deletedItems}). */
    public boolean isSoftDeleted(String id) {
        try {
            directory.deletedItem(id);
            return true;
        } catch (GraphException e) {
            return false;
        }
    }

    /** Makes every delta token issued so far answer 410 Gone (notes §3 "Forced reset"). */
    public void forceDeltaResync() {
        deltaEpoch.incrementAndGet();
    }

    /** The password last set for a user, for tests of password writes; empty when none. */
    public Optional<String> password(String userId) {
        synchronized (directory) {
            return directory.find(userId).map(o -> o.password);
        }
    }

    /** How many access tokens the token endpoint has issued for this tenant, for tests of token caching. */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    void tokenIssued() {
        tokensIssued.incrementAndGet();
    }

    App app(String clientId) {
        return clientId == null ? null : apps.get(clientId);
    }

    int deltaEpoch() {
        return deltaEpoch.get();
    }

    TenantDirectory directory() {
        return directory;
    }

    private StoredObject live(String id) {
        return directory.find(id).orElseThrow(() -> new IllegalArgumentException("no live object " + id));
    }

    private static Kind kind(String type) {
        return Kind.byName(type).orElseThrow(() -> new IllegalArgumentException("unknown object type " + type));
    }
}
