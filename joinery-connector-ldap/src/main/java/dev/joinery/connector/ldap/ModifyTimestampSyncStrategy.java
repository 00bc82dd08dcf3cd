package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.util.StaticUtils;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.Date;
import java.util.List;

/**
 * Deltas of a generic LDAP server by an ordered change attribute: {@code modifyTimestamp}, or OpenLDAP's
 * {@code entryCSN} (microseconds, so two changes in one second are told apart). The position is the partition
 * entry's {@code contextCSN} when the server keeps one (syncprov), else the highest value a read saw. Deletes
 * by anchor comparison. Not thread-safe.
 */
public final class ModifyTimestampSyncStrategy extends AnchorComparisonSyncStrategy {
    private final String attribute;

    public ModifyTimestampSyncStrategy(LdapReader reader, String attribute) {
        super(reader, "ts");
        this.attribute = attribute;
    }

    @Override
    public List<String> extraAttributes() {
        return List.of(attribute);
    }

    @Override
    protected String currentPosition() {
        if (!attribute.equalsIgnoreCase("entryCSN")) {
            return null;
        }
        return reader.connections().read("read contextCSN", c -> {
            String max = null;
            for (var partition : reader.scope().partitions()) {
                SearchResultEntry e = c.getEntry(partition.toString(), "contextCSN");
                if (e != null && e.getAttributeValues("contextCSN") != null) {
                    for (String csn : e.getAttributeValues("contextCSN")) {
                        if (max == null || csn.compareTo(max) > 0) {
                            max = csn;
                        }
                    }
                }
            }
            return max;
        });
    }

    @Override
    protected Filter changedAfter(String position) {
        // Strictly after: at or after, and not at.
        return Filter.createANDFilter(
                Filter.createGreaterOrEqualFilter(attribute, position),
                Filter.createNOTFilter(Filter.createEqualityFilter(attribute, position)));
    }

    @Override
    protected String advance(String position, ConnectorObject object) {
        AttributeValue v = object.first(attribute);
        if (v == null) {
            return position;
        }
        String value = v instanceof AttributeValue.Timestamp t
                ? StaticUtils.encodeGeneralizedTime(Date.from(t.value()))
                : v.toString();
        if (position == null || position.isEmpty()) {
            return value;
        }
        return compare(value, position) > 0 ? value : position;
    }

    private int compare(String a, String b) {
        if (attribute.equalsIgnoreCase("entryCSN")) {
            return a.compareTo(b);
        }
        try {
            return StaticUtils.decodeGeneralizedTime(a).compareTo(StaticUtils.decodeGeneralizedTime(b));
        } catch (java.text.ParseException e) {
            return a.compareTo(b);
        }
    }
}
