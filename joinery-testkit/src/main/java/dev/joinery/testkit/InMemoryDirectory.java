package dev.joinery.testkit;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A directory in memory, shared by a test and the {@link InMemoryConnector} over it: objects by anchor, each
 * with a DN, an object type and multi-valued typed attributes, and a change log that numbers every add,
 * modify, rename and delete so a delta import can replay from any number.
 *
 * <p>Thread-safe: every method is atomic. The namespace is flat: DNs are unique ignoring case, but no parent
 * needs to exist and a rename moves only the object itself. References (member, manager) are stored as given
 * and not updated on rename or delete, like an LDAP server without referential integrity. Values follow
 * {@link AttributeChange}s permissively, like AD's permissive modify: adding a value that is there or deleting
 * one that is not does nothing, and a modify that changes nothing is not logged.
 *
 * <p>Refusals throw {@link ConnectorException} with a classified code: {@code CONFLICT} for a DN or a unique
 * value that another object holds (naming the attribute), {@code NOT_FOUND} for an absent anchor.
 *
 * <pre>{@code
 * InMemoryDirectory directory = InMemoryDirectory.builder().uniqueAttributes("proxyAddresses").build();
 * ConnectorObject alice = directory.add(
 *         "user", "CN=Alice,OU=People,DC=example,DC=com", Map.of("displayName", List.of(AttributeValue.text("Alice"))));
 * directory.rename(alice.anchor(), "CN=Alice Smith,OU=People,DC=example,DC=com");
 * assertThat(directory.changesSince(0))
 *         .extracting(DirectoryChange::kind)
 *         .containsExactly(DirectoryChange.Kind.ADD, DirectoryChange.Kind.RENAME);
 * }</pre>
 */
public final class InMemoryDirectory {
    private final Object lock = new Object();
    private final Supplier<Anchor> anchors;
    private final UniqueIndex unique;
    private final Map<Anchor, ConnectorObject> objects = new LinkedHashMap<>();
    private final Map<String, Anchor> anchorsByDn = new HashMap<>();
    private final List<DirectoryChange> log = new ArrayList<>();
    private long sequence;
    private long trimmedThrough;

    private InMemoryDirectory(Builder b) {
        this.anchors = b.anchors != null ? b.anchors : new SequentialAnchors();
        this.unique = new UniqueIndex(b.uniqueAttributes);
    }

    /** An empty directory with sequential anchors and no unique attributes. */
    public static InMemoryDirectory create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The attributes whose values no two objects may share (compared ignoring case). */
    public Set<String> uniqueAttributes() {
        return unique.attributes();
    }

    /**
     * Creates an object with a new anchor.
     *
     * @throws ConnectorException {@code CONFLICT} when the DN or a unique value is taken
     */
    public ConnectorObject add(String objectType, String dn, Map<String, List<AttributeValue>> attributes) {
        return add(objectType, dn, attributes, o -> {});
    }

    /**
     * Changes values by value, in the order given. Returns the object as it now is.
     *
     * @throws ConnectorException {@code NOT_FOUND} for an absent anchor, {@code CONFLICT} for a taken unique
     *     value
     */
    public ConnectorObject modify(Anchor anchor, List<AttributeChange> changes) {
        return modify(anchor, changes, o -> {});
    }

    /**
     * Gives an object a new DN (rename, move, or both); its anchor stays. Returns the object as it now is. A
     * rename to the DN it has changes nothing; one that changes only the case is a rename.
     *
     * @throws ConnectorException {@code NOT_FOUND} for an absent anchor, {@code CONFLICT} when another object
     *     has the new DN
     */
    public ConnectorObject rename(Anchor anchor, String newDn) {
        requireDn(newDn);
        synchronized (lock) {
            ConnectorObject old = require(anchor);
            if (old.dn().equals(newDn)) {
                return old;
            }
            Anchor holder = anchorsByDn.get(key(newDn));
            if (holder != null && !holder.equals(anchor)) {
                throw new ConnectorException(ConnectorError.of(ConnectorError.Code.CONFLICT, newDn + " exists"));
            }
            ConnectorObject renamed = new ConnectorObject(anchor, newDn, old.objectType(), old.attributes());
            anchorsByDn.remove(key(old.dn()));
            anchorsByDn.put(key(newDn), anchor);
            objects.put(anchor, renamed);
            log(DirectoryChange.Kind.RENAME, renamed);
            return renamed;
        }
    }

    /**
     * Removes an object. Returns it as it was.
     *
     * @throws ConnectorException {@code NOT_FOUND} for an absent anchor
     */
    public ConnectorObject delete(Anchor anchor) {
        synchronized (lock) {
            ConnectorObject old = require(anchor);
            objects.remove(anchor);
            anchorsByDn.remove(key(old.dn()));
            unique.remove(old);
            log(DirectoryChange.Kind.DELETE, old);
            return old;
        }
    }

    public Optional<ConnectorObject> get(Anchor anchor) {
        Objects.requireNonNull(anchor, "anchor");
        synchronized (lock) {
            return Optional.ofNullable(objects.get(anchor));
        }
    }

    /** The object with this DN, ignoring case. */
    public Optional<ConnectorObject> findByDn(String dn) {
        Objects.requireNonNull(dn, "dn");
        synchronized (lock) {
            Anchor anchor = anchorsByDn.get(key(dn));
            return anchor == null ? Optional.empty() : Optional.of(objects.get(anchor));
        }
    }

    public int size() {
        synchronized (lock) {
            return objects.size();
        }
    }

    /** Every object, in the order they were added. */
    public List<ConnectorObject> objects() {
        return snapshot().objects();
    }

    /** The number of the latest change; 0 before the first. */
    public long sequence() {
        synchronized (lock) {
            return sequence;
        }
    }

    /**
     * The changes numbered after {@code sequence}, oldest first.
     *
     * @throws IllegalStateException when some of them were trimmed away
     */
    public List<DirectoryChange> changesSince(long sequence) {
        Delta d = deltaSince(sequence);
        if (sequence < d.trimmedThrough()) {
            throw new IllegalStateException(
                    "changes through " + d.trimmedThrough() + " were trimmed; " + sequence + " is too old");
        }
        return d.changes();
    }

    /**
     * Forgets the changes numbered up to {@code throughSequence}, as a directory trims its change log; a delta
     * import from before them then fails with {@code WATERMARK_EXPIRED}.
     */
    public void trimChangeLog(long throughSequence) {
        synchronized (lock) {
            long through = Math.min(throughSequence, sequence);
            log.removeIf(c -> c.sequence() <= through);
            trimmedThrough = Math.max(trimmedThrough, through);
        }
    }

    /** {@link #add(String, String, Map)}, refused when {@code check} throws on the new object. */
    ConnectorObject add(
            String objectType,
            String dn,
            Map<String, List<AttributeValue>> attributes,
            Consumer<ConnectorObject> check) {
        Objects.requireNonNull(objectType, "objectType");
        requireDn(dn);
        Map<String, List<AttributeValue>> values = AttributeValues.copy(attributes);
        synchronized (lock) {
            if (anchorsByDn.containsKey(key(dn))) {
                throw new ConnectorException(ConnectorError.of(ConnectorError.Code.CONFLICT, dn + " exists"));
            }
            Anchor anchor = Objects.requireNonNull(anchors.get(), "the anchor supplier returned null");
            if (objects.containsKey(anchor)) {
                throw new IllegalStateException("the anchor supplier repeated " + anchor);
            }
            ConnectorObject created = new ConnectorObject(anchor, dn, objectType, values);
            check.accept(created);
            requireUnique(created);
            objects.put(anchor, created);
            anchorsByDn.put(key(dn), anchor);
            unique.put(created);
            log(DirectoryChange.Kind.ADD, created);
            return created;
        }
    }

    /** {@link #modify(Anchor, List)}, refused when {@code check} throws on the changed object. */
    ConnectorObject modify(Anchor anchor, List<AttributeChange> changes, Consumer<ConnectorObject> check) {
        List<AttributeChange> copy = List.copyOf(changes);
        synchronized (lock) {
            ConnectorObject old = require(anchor);
            Map<String, List<AttributeValue>> values = AttributeValues.copy(old.attributes());
            copy.forEach(c -> AttributeValues.apply(values, c));
            ConnectorObject changed = new ConnectorObject(anchor, old.dn(), old.objectType(), values);
            if (changed.equals(old)) {
                return old;
            }
            check.accept(changed);
            requireUnique(changed);
            unique.remove(old);
            unique.put(changed);
            objects.put(anchor, changed);
            log(DirectoryChange.Kind.MODIFY, changed);
            return changed;
        }
    }

    /** Every object and the number of the latest change, read at one instant. */
    Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(sequence, List.copyOf(objects.values()));
        }
    }

    /**
     * The changes after {@code since} and the present state of each object they touch, read at one instant.
     * When {@code since} is older than {@link Delta#trimmedThrough()}, the changes are incomplete.
     */
    Delta deltaSince(long since) {
        synchronized (lock) {
            List<DirectoryChange> changes = new ArrayList<>();
            Map<Anchor, ConnectorObject> current = new HashMap<>();
            for (int i = log.size() - 1; i >= 0 && log.get(i).sequence() > since; i--) {
                DirectoryChange c = log.get(i);
                changes.add(c);
                ConnectorObject o = objects.get(c.anchor());
                if (o != null) {
                    current.put(c.anchor(), o);
                }
            }
            Collections.reverse(changes);
            return new Delta(sequence, trimmedThrough, List.copyOf(changes), Map.copyOf(current));
        }
    }

    /** Checks the indexes against the objects; for tests of this class. */
    void checkInvariants() {
        synchronized (lock) {
            if (anchorsByDn.size() != objects.size()) {
                throw new AssertionError(anchorsByDn.size() + " DNs indexed for " + objects.size() + " objects");
            }
            objects.forEach((anchor, o) -> {
                if (!anchor.equals(anchorsByDn.get(key(o.dn())))) {
                    throw new AssertionError(o.dn() + " is not indexed to " + anchor);
                }
            });
            for (int i = 1; i < log.size(); i++) {
                if (log.get(i).sequence() != log.get(i - 1).sequence() + 1) {
                    throw new AssertionError("the change log skips after " + log.get(i - 1));
                }
            }
        }
    }

    private ConnectorObject require(Anchor anchor) {
        ConnectorObject o = objects.get(Objects.requireNonNull(anchor, "anchor"));
        if (o == null) {
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NOT_FOUND, "no object " + anchor));
        }
        return o;
    }

    private void requireUnique(ConnectorObject candidate) {
        String attribute = unique.conflict(candidate);
        if (attribute != null) {
            throw new ConnectorException(ConnectorError.onAttribute(
                    ConnectorError.Code.CONFLICT,
                    attribute,
                    "another object holds a value of " + attribute + " that " + candidate.dn() + " would have"));
        }
    }

    private void log(DirectoryChange.Kind kind, ConnectorObject o) {
        log.add(new DirectoryChange(++sequence, kind, o.anchor(), o.objectType(), o.dn()));
    }

    private static void requireDn(String dn) {
        if (Objects.requireNonNull(dn, "dn").isBlank()) {
            throw new IllegalArgumentException("a DN is never blank");
        }
    }

    private static String key(String dn) {
        return dn.toLowerCase(Locale.ROOT);
    }

    /** Every object and the latest change's number. */
    record Snapshot(long sequence, List<ConnectorObject> objects) {}

    /** Changes after a number, the present state of the objects they touch, and where the log starts. */
    record Delta(
            long sequence, long trimmedThrough, List<DirectoryChange> changes, Map<Anchor, ConnectorObject> current) {}

    /** Builds an {@link InMemoryDirectory}. Not thread-safe. */
    public static final class Builder {
        private Supplier<Anchor> anchors;
        private final Set<String> uniqueAttributes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {}

        /**
         * Where new anchors come from; called under the directory's lock, and must never repeat. By default
         * GUID-like text from a counter: {@code 00000000-0000-4000-8000-000000000001}, then {@code ...002}.
         */
        public Builder anchors(Supplier<Anchor> anchors) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /** Attributes whose values no two objects may share, compared ignoring case (proxyAddresses, UPN). */
        public Builder uniqueAttributes(String... names) {
            return uniqueAttributes(List.of(names));
        }

        public Builder uniqueAttributes(Collection<String> names) {
            uniqueAttributes.addAll(names);
            return this;
        }

        public InMemoryDirectory build() {
            return new InMemoryDirectory(this);
        }
    }

    private static final class SequentialAnchors implements Supplier<Anchor> {
        private long next;

        @Override
        public Anchor get() {
            return Anchor.of(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", ++next));
        }
    }
}
