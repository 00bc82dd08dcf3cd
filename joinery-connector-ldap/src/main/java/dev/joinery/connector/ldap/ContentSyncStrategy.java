package dev.joinery.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.IntermediateResponseListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncState;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * RFC 4533 content synchronization in refreshOnly mode (OpenLDAP's syncprov), chosen when the server lists the
 * sync request control ({@value #OID}) in its root DSE. A full import is the refresh without a cookie; a delta
 * import the refresh from the saved cookie, one per search base. Deletes arrive as entries in the delete state
 * or as syncIdSet messages ({@code refreshDeletes} TRUE, from syncprov's session log); when the server can only
 * say which entries are still present (the present phase, {@code refreshDeletes} FALSE), every known anchor not
 * reported present or changed is deleted. Renames and moves arrive as modified entries with their new DN; an
 * entry that moved into an excluded container is a delete. The watermark carries the cookies and the anchors
 * known (for the present phase), and is handed to the sink only after the whole refresh. Not thread-safe.
 */
public final class ContentSyncStrategy implements SyncStrategy {
    private static final System.Logger LOG = System.getLogger(ContentSyncStrategy.class.getName());
    /** The sync request control of RFC 4533. */
    public static final String OID = ContentSyncRequestControl.SYNC_REQUEST_OID;

    private static final String NAME = "syncrepl";

    private final LdapReader reader;

    public ContentSyncStrategy(LdapReader reader) {
        this.reader = reader;
    }

    @Override
    public Tracker startFullImport() {
        throw new UnsupportedOperationException("a content-sync full import is the refresh itself");
    }

    @Override
    public Watermark fullImport(LdapReader unused, ImportSink sink, int checkpointEvery) {
        Map<DN, byte[]> cookies = new LinkedHashMap<>();
        KnownAnchors known = KnownAnchors.empty();
        long[] counts = {0, 0};
        for (DN base : reader.scope().bases()) {
            cookies.put(base, refresh(base, null, known, sink, counts));
        }
        Watermark w = token(cookies, known);
        sink.checkpoint(w);
        return w;
    }

    @Override
    public Watermark deltaImport(Watermark since, ImportSink sink) {
        WatermarkToken token = WatermarkToken.parse(since, NAME);
        KnownAnchors known = KnownAnchors.from(token);
        Map<DN, byte[]> cookies = new LinkedHashMap<>();
        List<DN> bases = reader.scope().bases();
        long[] counts = {0, 0};
        for (int i = 0; i < bases.size(); i++) {
            byte[] cookie = token.bytes("c" + i);
            cookies.put(bases.get(i), refresh(bases.get(i), cookie, known, sink, counts));
        }
        LOG.log(
                System.Logger.Level.INFO,
                "LDAP {0}: delta by content sync: {1} upserts, {2} deletes",
                reader.connections().name(),
                counts[0],
                counts[1]);
        Watermark w = token(cookies, known);
        sink.checkpoint(w);
        return w;
    }

    private static Watermark token(Map<DN, byte[]> cookies, KnownAnchors known) {
        WatermarkToken t = WatermarkToken.of(NAME);
        int i = 0;
        for (byte[] cookie : cookies.values()) {
            t = t.with("c" + i++, cookie);
        }
        return known.writeTo(t).toWatermark();
    }

    /**
     * One refreshOnly search of {@code base} from {@code cookie} (null: the whole content). Sends the changes,
     * updates {@code known}, and returns the new cookie.
     */
    private byte[] refresh(DN base, byte[] cookie, KnownAnchors known, ImportSink sink, long[] counts) {
        String what = "content sync base=" + base + ", filter=" + reader.scope().filter()
                + (cookie == null ? ", initial" : "");
        try {
            return reader.connections().read(what, c -> {
                Refresh r = new Refresh(c, known, sink, counts);
                r.run(base, cookie);
                return r.cookie;
            });
        } catch (ConnectorException e) {
            if (e.getCause() instanceof LDAPException le && le.getResultCode() == ResultCode.E_SYNC_REFRESH_REQUIRED) {
                throw new ConnectorException(
                        ConnectorError.of(
                                ConnectorError.Code.WATERMARK_EXPIRED,
                                "the server can no longer refresh from the content-sync cookie of " + base
                                        + "; run a full import"),
                        le);
            }
            throw e;
        }
    }

    /** The state of one refresh search; the SDK calls its listeners on the reading thread. */
    private final class Refresh implements SearchResultListener, IntermediateResponseListener {
        private static final long serialVersionUID = 1L;
        private final transient LDAPConnection connection;
        private final transient KnownAnchors known;
        private final transient ImportSink sink;
        private final long[] counts;
        private final transient Set<Anchor> present = new HashSet<>();
        private final transient Set<Anchor> changed = new HashSet<>();
        private transient LDAPException failure;
        private byte[] cookie;
        private byte[] from;
        private long entries;

        Refresh(LDAPConnection connection, KnownAnchors known, ImportSink sink, long[] counts) {
            this.connection = connection;
            this.known = known;
            this.sink = sink;
            this.counts = counts;
        }

        void run(DN base, byte[] from) throws LDAPException {
            long start = System.nanoTime();
            this.from = from;
            cookie = from;
            SearchRequest request = new SearchRequest(
                    this, base.toString(), SearchScope.SUB, reader.scope().filter(), reader.attributes());
            request.addControl(new ContentSyncRequestControl(
                    true, ContentSyncRequestMode.REFRESH_ONLY, from == null ? null : new ASN1OctetString(from), false));
            request.setIntermediateResponseListener(this);
            SearchResult result = connection.search(request);
            if (failure != null) {
                throw failure;
            }
            ContentSyncDoneControl done = ContentSyncDoneControl.get(result);
            if (done != null && done.getCookie() != null) {
                cookie = done.getCookie().getValue();
            }
            if (cookie == null) {
                throw new LDAPException(ResultCode.CONTROL_NOT_FOUND, "the server ended content sync without a cookie");
            }
            boolean presentPhase = from != null && done != null && !done.refreshDeletes();
            long deletes = 0;
            if (presentPhase) {
                // RFC 4533 3.4: entries neither present nor changed are gone from the content.
                for (Anchor a : Set.copyOf(known.all())) {
                    if (!present.contains(a) && !changed.contains(a)) {
                        delete(a);
                        deletes++;
                    }
                }
            }
            LOG.log(
                    System.Logger.Level.INFO,
                    "LDAP {0}: content sync base={1}: {2} entries, {3} present, {4} ms{5}",
                    reader.connections().name(),
                    base,
                    entries,
                    present.size(),
                    (System.nanoTime() - start) / 1_000_000,
                    presentPhase ? ", present phase: " + deletes + " deletes" : "");
        }

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            if (failure != null) {
                return;
            }
            entries++;
            try {
                ContentSyncStateControl state = ContentSyncStateControl.get(entry);
                Anchor anchor = state == null ? reader.anchorOf(entry) : anchor(state.getEntryUUID());
                if (state != null && state.getCookie() != null) {
                    cookie = state.getCookie().getValue();
                }
                if (anchor == null) {
                    return;
                }
                ContentSyncState s = state == null ? ContentSyncState.ADD : state.getState();
                if (s == ContentSyncState.PRESENT) {
                    present.add(anchor);
                } else if (s == ContentSyncState.DELETE) {
                    delete(anchor);
                } else {
                    ConnectorObject o = reader.toObject(connection, entry);
                    if (from != null) {
                        changed.add(anchor); // for the present phase, which only follows a cookie
                    }
                    if (o != null) {
                        sink.accept(ImportChange.upsert(o));
                        known.add(anchor);
                        counts[0]++;
                    } else if (known.all().contains(anchor)) {
                        delete(anchor); // moved out of scope (an excluded container) or no longer of a type
                    }
                }
            } catch (LDAPException e) {
                failure = e;
            }
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {}

        @Override
        public void intermediateResponseReturned(IntermediateResponse response) {
            if (failure != null || !ContentSyncInfoIntermediateResponse.SYNC_INFO_OID.equals(response.getOID())) {
                return;
            }
            try {
                ContentSyncInfoIntermediateResponse info = ContentSyncInfoIntermediateResponse.decode(response);
                if (info.getCookie() != null) {
                    cookie = info.getCookie().getValue();
                }
                if (info.getType() == ContentSyncInfoType.SYNC_ID_SET) {
                    for (UUID uuid : info.getEntryUUIDs()) {
                        if (info.refreshDeletes()) {
                            delete(anchor(uuid));
                        } else {
                            present.add(anchor(uuid));
                        }
                    }
                }
            } catch (LDAPException e) {
                failure = e;
            }
        }

        /** The server reports deletes only of entries it had sent; a repeated one is harmless to the engine. */
        private void delete(Anchor anchor) {
            known.remove(anchor);
            sink.accept(ImportChange.delete(anchor));
            counts[1]++;
        }
    }

    private static Anchor anchor(UUID uuid) {
        return uuid == null ? null : Anchor.of(uuid.toString());
    }
}
