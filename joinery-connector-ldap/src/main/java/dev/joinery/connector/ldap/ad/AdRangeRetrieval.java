package dev.joinery.connector.ldap.ad;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Active Directory range retrieval: a server returns at most MaxValRange values (1,500 by default) of a
 * multi-valued attribute as {@code member;range=0-1499}; the rest is read by asking for
 * {@code member;range=1500-*} and so on until a range ends in {@code *}. Stateless; a no-op for entries
 * without ranged attributes (every server but AD).
 */
public final class AdRangeRetrieval {
    private static final Pattern RANGE =
            Pattern.compile("(?i)^([^;]+)((?:;(?!range=)[^;]+)*);range=(\\d+)-(\\d+|\\*)$");

    private AdRangeRetrieval() {}

    /** Whether any attribute of the entry is a partial range. */
    public static boolean hasRanges(Entry entry) {
        for (Attribute a : entry.getAttributes()) {
            String name = a.getName();
            if (name.indexOf(';') >= 0 && name.toLowerCase(Locale.ROOT).contains(";range=")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entry with every ranged attribute read whole and named by its base name.
     *
     * @return {@code entry} itself when it has no ranged attribute
     */
    public static Entry complete(LDAPConnection connection, Entry entry) throws LDAPException {
        if (!hasRanges(entry)) {
            return entry;
        }
        Entry whole = new Entry(entry.getDN());
        for (Attribute a : entry.getAttributes()) {
            Matcher m = RANGE.matcher(a.getName());
            if (!m.matches()) {
                whole.addAttribute(a);
                continue;
            }
            String name = m.group(1) + m.group(2);
            List<byte[]> values = new ArrayList<>(List.of(a.getValueByteArrays()));
            String high = m.group(4);
            int pages = 0;
            while (!high.equals("*")) {
                long next = Long.parseLong(high) + 1;
                SearchResultEntry more = connection.getEntry(entry.getDN(), name + ";range=" + next + "-*");
                if (more == null) {
                    throw new LDAPException(
                            ResultCode.NO_SUCH_OBJECT, entry.getDN() + " vanished during range retrieval");
                }
                Attribute part = null;
                for (Attribute p : more.getAttributes()) {
                    Matcher pm = RANGE.matcher(p.getName());
                    if (pm.matches() && (pm.group(1) + pm.group(2)).equalsIgnoreCase(name)) {
                        part = p;
                        high = pm.group(4);
                    }
                }
                if (part == null) {
                    break; // the values were removed meanwhile: what was read is all there is
                }
                values.addAll(List.of(part.getValueByteArrays()));
                if (++pages > 100_000) {
                    throw new LDAPException(ResultCode.LOCAL_ERROR, "range retrieval of " + name + " does not end");
                }
            }
            whole.addAttribute(new Attribute(name, values.toArray(new byte[0][])));
        }
        return whole;
    }
}
