package dev.joinery.connector.ldap;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an in-memory server answer as Active Directory does where the connector depends on it:
 *
 * <ul>
 *   <li>every added entry gets an {@code objectGUID} (16 bytes, from a seeded generator), and users and groups
 *       an {@code objectSid} ({@code S-1-5-21-...-RID});
 *   <li>range retrieval: a multi-valued attribute with more than MaxValRange values comes back as
 *       {@code member;range=0-1499}; asking for {@code member;range=1500-*} returns the next values as
 *       {@code member;range=1500-2999}, and the last part as {@code member;range=N-*}.
 * </ul>
 *
 * Thread-safe.
 */
final class AdLikeInterceptor extends InMemoryOperationInterceptor {
    private static final Pattern RANGE = Pattern.compile("(?i)^([^;]+);range=(\\d+)-(\\d+|\\*)$");
    private static final String RANGES = "joinery.ranges";

    private final int maxValRange;
    private final SplittableRandom random = new SplittableRandom(4);
    private final AtomicInteger rid = new AtomicInteger(1100);
    /** How many ranged parts the server returned: proof that range retrieval was exercised. */
    final AtomicInteger rangedParts = new AtomicInteger();

    /** Fault injection: the modify request number {@link #modifyFault} (from 1) runs this, then fails. */
    private volatile Runnable modifyFaultAction;

    private final AtomicInteger modifies = new AtomicInteger();
    private volatile int modifyFault = -1;

    AdLikeInterceptor(int maxValRange) {
        this.maxValRange = maxValRange;
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) {
        AddRequest add = request.getRequest().duplicate();
        if (!add.hasAttribute("objectGUID")) {
            byte[] guid = new byte[16];
            synchronized (random) {
                random.nextBytes(guid);
            }
            add.addAttribute("objectGUID", guid);
        }
        Attribute classes = add.getAttribute("objectClass");
        boolean principal = classes != null && (classes.hasValue("user") || classes.hasValue("group"));
        if (principal && !add.hasAttribute("objectSid")) {
            add.addAttribute("objectSid", sid(rid.getAndIncrement()));
        }
        if (classes != null && classes.hasValue("group") && !add.hasAttribute("groupType")) {
            add.addAttribute("groupType", "-2147483646"); // a global security group, AD's default
        }
        request.setRequest(add);
    }

    /**
     * At the {@code n}-th modify request from now, runs {@code action} on another thread (stopping the server,
     * say), waits for it, and does not apply the request: the client sees its connection drop mid-batch.
     */
    void failModify(int n, Runnable action) {
        modifies.set(0);
        modifyFaultAction = action;
        modifyFault = n;
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        if (modifies.incrementAndGet() != modifyFault) {
            return;
        }
        modifyFault = -1;
        Thread t = new Thread(modifyFaultAction, "fault");
        t.start();
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new LDAPException(ResultCode.UNAVAILABLE, "injected fault");
    }

    /** A domain SID S-1-5-21-1-2-3 with {@code rid}, in its binary form. */
    static byte[] sid(int rid) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) 5).put(new byte[] {0, 0, 0, 0, 0, 5});
        b.putInt(21).putInt(1).putInt(2).putInt(3).putInt(rid);
        return b.array();
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
        List<String> attrs = request.getRequest().getAttributeList();
        List<String[]> ranges = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String a : attrs) {
            Matcher m = RANGE.matcher(a);
            if (m.matches()) {
                ranges.add(new String[] {m.group(1), m.group(2)});
                plain.add(m.group(1));
            } else {
                plain.add(a);
            }
        }
        if (!ranges.isEmpty()) {
            SearchRequest changed = request.getRequest().duplicate();
            changed.setAttributes(plain);
            request.setRequest(changed);
            request.setProperty(RANGES, ranges);
        }
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        @SuppressWarnings("unchecked")
        List<String[]> ranges = (List<String[]>) result.getProperty(RANGES);
        if (result.getSearchEntry().hasObjectClass("subschema")) {
            return; // AD returns its aggregate schema whole
        }
        Entry entry = result.getSearchEntry().duplicate();
        boolean changed = false;
        for (Attribute a : result.getSearchEntry().getAttributes()) {
            Integer low = null;
            if (ranges != null) {
                for (String[] r : ranges) {
                    if (r[0].equalsIgnoreCase(a.getBaseName())) {
                        low = Integer.valueOf(r[1]);
                    }
                }
            }
            if (low == null && a.size() <= maxValRange) {
                continue;
            }
            int from = low == null ? 0 : low;
            byte[][] values = a.getValueByteArrays();
            int to = Math.min(values.length, from + maxValRange);
            boolean last = to == values.length;
            String name = a.getName() + ";range=" + from + "-" + (last ? "*" : Integer.toString(to - 1));
            entry.removeAttribute(a.getName());
            entry.addAttribute(new Attribute(name, Arrays.copyOfRange(values, Math.min(from, values.length), to)));
            rangedParts.incrementAndGet();
            changed = true;
        }
        if (changed) {
            result.setSearchEntry(entry);
        }
    }
}
