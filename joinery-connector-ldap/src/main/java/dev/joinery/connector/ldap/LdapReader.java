package dev.joinery.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.joinery.connector.ldap.ad.AdRangeRetrieval;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads objects in scope: simple paged subtree searches (the {@code SimplePagedResultsSearchStrategy} of the
 * connector), range retrieval of large values, lookups by anchor, and the set of anchors in scope. Logs one
 * line per search for the operator. Thread-safe.
 */
public final class LdapReader {
    private static final System.Logger LOG = System.getLogger(LdapReader.class.getName());

    private final LdapConnections connections;
    private final LdapScope scope;
    private final EntryMapper mapper;
    private final AnchorCodec anchors;
    private final String[] attributes;
    private final int pageSize;

    LdapReader(
            LdapConnections connections,
            LdapScope scope,
            EntryMapper mapper,
            AnchorCodec anchors,
            List<String> inScope,
            List<String> extraAttributes,
            int pageSize) {
        this.connections = connections;
        this.scope = scope;
        this.mapper = mapper;
        this.anchors = anchors;
        Set<String> attrs = new LinkedHashSet<>();
        if (inScope.isEmpty()) {
            attrs.add("*");
        } else {
            attrs.addAll(inScope);
        }
        attrs.add("objectClass");
        attrs.add(anchors.attribute());
        attrs.addAll(extraAttributes);
        this.attributes = attrs.toArray(new String[0]);
        this.pageSize = pageSize;
    }

    public LdapScope scope() {
        return scope;
    }

    public LdapConnections connections() {
        return connections;
    }

    /** The attributes every object read asks for. */
    public String[] attributes() {
        return attributes.clone();
    }

    public String anchorAttribute() {
        return anchors.attribute();
    }

    /** The anchor of an entry; null when it has none. */
    public Anchor anchorOf(Entry entry) {
        return anchors.read(entry);
    }

    /**
     * The object an entry is, or null when the entry is out of scope (position or type) or has no anchor.
     * Completes ranged attributes on {@code connection}.
     */
    public ConnectorObject toObject(LDAPConnection connection, Entry entry) throws LDAPException {
        DN dn;
        try {
            dn = entry.getParsedDN();
        } catch (LDAPException e) {
            return null;
        }
        if (!scope.contains(dn)) {
            return null;
        }
        LdapConnectorConfig.ObjectTypeConfig type = scope.typeOf(entry);
        Anchor anchor = anchors.read(entry);
        if (type == null || anchor == null) {
            return null;
        }
        return mapper.toObject(anchor, type.name(), AdRangeRetrieval.complete(connection, entry));
    }

    /**
     * Sends every object in scope matching {@code extra} (null for all) to {@code each}, page by page.
     *
     * @return how many objects were sent
     */
    public long forEachObject(Filter extra, Consumer<ConnectorObject> each) {
        long[] count = {0};
        for (DN base : scope.bases()) {
            Filter filter = extra == null ? scope.filter() : scope.filter(extra);
            pagedSearch(base, filter, attributes, (c, e) -> {
                ConnectorObject o = toObject(c, e);
                if (o != null) {
                    each.accept(o);
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    /** The anchors of every object in scope (a search asking for the anchor alone). */
    public Set<Anchor> anchorsInScope() {
        Set<Anchor> found = new HashSet<>();
        String[] attrs = {anchors.attribute(), "objectClass"};
        for (DN base : scope.bases()) {
            pagedSearch(base, scope.filter(), attrs, (c, e) -> {
                if (scope.contains(e.getDN()) && scope.typeOf(e) != null) {
                    Anchor a = anchors.read(e);
                    if (a != null) {
                        found.add(a);
                    }
                }
            });
        }
        return found;
    }

    /** The object with this anchor as it is now, if it exists and is in scope. */
    public Optional<ConnectorObject> read(Anchor anchor) {
        return Optional.ofNullable(connections.read("read " + anchor, c -> {
            for (DN partition : scope.partitions()) {
                SearchResult r = c.search(
                        new SearchRequest(partition.toString(), SearchScope.SUB, anchors.filter(anchor), attributes));
                for (SearchResultEntry e : r.getSearchEntries()) {
                    return toObject(c, e);
                }
            }
            return null;
        }));
    }

    /**
     * Sends the objects with these anchors that exist and are in scope to {@code each}, reading 100 anchors a
     * search (an OR of their equality filters) rather than one.
     */
    public void readAll(List<Anchor> wanted, Consumer<ConnectorObject> each) {
        for (int from = 0; from < wanted.size(); from += 100) {
            List<Filter> any = new ArrayList<>();
            for (Anchor a : wanted.subList(from, Math.min(wanted.size(), from + 100))) {
                any.add(anchors.filter(a));
            }
            Filter filter = Filter.createORFilter(any);
            List<ConnectorObject> found = connections.read("read " + any.size() + " objects by anchor", c -> {
                List<ConnectorObject> out = new ArrayList<>();
                for (DN partition : scope.partitions()) {
                    for (SearchResultEntry e : c.search(
                                    new SearchRequest(partition.toString(), SearchScope.SUB, filter, attributes))
                            .getSearchEntries()) {
                        ConnectorObject o = toObject(c, e);
                        if (o != null) {
                            out.add(o);
                        }
                    }
                }
                return out;
            });
            found.forEach(each);
        }
    }

    /** The DN of the entry with this anchor anywhere in the partitions (scope ignored); null when none. */
    public String dnOf(LDAPConnection c, Anchor anchor) throws LDAPException {
        for (DN partition : scope.partitions()) {
            SearchResult r = c.search(new SearchRequest(
                    partition.toString(), SearchScope.SUB, anchors.filter(anchor), SearchRequest.NO_ATTRIBUTES));
            for (SearchResultEntry e : r.getSearchEntries()) {
                return e.getDN();
            }
        }
        return null;
    }

    /** What a paged search hands each entry to; may throw to stop the search. */
    public interface EntryHandler {
        void handle(LDAPConnection connection, SearchResultEntry entry) throws LDAPException;
    }

    /** A subtree search with the simple paged results control, on one connection, retried as a whole. */
    public void pagedSearch(DN base, Filter filter, String[] attrs, EntryHandler handler, Control... extra) {
        String what = "search base=" + base + ", scope=sub, filter=" + filter;
        connections.read(what, c -> {
            long start = System.nanoTime();
            ASN1OctetString cookie = null;
            int pages = 0;
            long entries = 0;
            do {
                SearchRequest request = new SearchRequest(base.toString(), SearchScope.SUB, filter, attrs);
                List<Control> controls = new ArrayList<>(List.of(extra));
                controls.add(new SimplePagedResultsControl(pageSize, cookie, false));
                request.setControls(controls);
                SearchResult result = c.search(request);
                pages++;
                for (SearchResultEntry e : result.getSearchEntries()) {
                    handler.handle(c, e);
                    entries++;
                }
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
            } while (cookie != null);
            LOG.log(
                    System.Logger.Level.INFO,
                    "LDAP {0}: {1}: {2} entries, {3} pages, {4} ms",
                    connections.name(),
                    what,
                    entries,
                    pages,
                    (System.nanoTime() - start) / 1_000_000);
            return null;
        });
    }
}
