package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import java.util.ArrayList;
import java.util.List;

/**
 * What is in scope: the search bases (partitions, or the included containers inside them), the excluded
 * containers, and the object types with the filter that finds them. Immutable and thread-safe.
 */
public final class LdapScope {
    private final List<DN> partitions;
    private final List<DN> bases;
    private final List<DN> excluded;
    private final List<LdapConnectorConfig.ObjectTypeConfig> types;
    private final List<Filter> typeFilters;
    private final Filter filter;

    LdapScope(LdapConnectorConfig config, List<String> partitionDns) {
        partitions = parse(partitionDns);
        excluded = parse(config.excludedContainers());
        types = config.objectTypes();
        if (config.includedContainers().isEmpty()) {
            bases = partitions;
        } else {
            bases = parse(config.includedContainers());
            for (DN base : bases) {
                if (partitions.stream().noneMatch(p -> base.isDescendantOf(p, true))) {
                    throw configuration("the included container " + base + " is in no partition " + partitions);
                }
            }
        }
        typeFilters = new ArrayList<>();
        for (LdapConnectorConfig.ObjectTypeConfig t : types) {
            Filter byClass = Filter.createEqualityFilter("objectClass", t.objectClass());
            if (t.extraFilter() == null) {
                typeFilters.add(byClass);
            } else {
                try {
                    typeFilters.add(Filter.createANDFilter(byClass, Filter.create(t.extraFilter())));
                } catch (LDAPException e) {
                    throw configuration(
                            "the filter of object type " + t.name() + " is not RFC 4515: " + e.getExceptionMessage());
                }
            }
        }
        filter = typeFilters.size() == 1 ? typeFilters.get(0) : Filter.createORFilter(typeFilters);
    }

    private static List<DN> parse(List<String> dns) {
        List<DN> parsed = new ArrayList<>();
        for (String dn : dns) {
            parsed.add(dn(dn));
        }
        return List.copyOf(parsed);
    }

    /** @throws ConnectorException {@code CONFIGURATION} when {@code dn} is not an RFC 4514 DN */
    static DN dn(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw configuration("not a DN: " + dn);
        }
    }

    private static ConnectorException configuration(String message) {
        return new ConnectorException(ConnectorError.of(ConnectorError.Code.CONFIGURATION, message));
    }

    public List<DN> partitions() {
        return partitions;
    }

    /** The bases of the subtree searches that together cover the scope. */
    public List<DN> bases() {
        return bases;
    }

    /** The filter that finds every object of every type in scope. */
    public Filter filter() {
        return filter;
    }

    /** {@code extra} AND-ed to the scope's filter. */
    public Filter filter(Filter extra) {
        return Filter.createANDFilter(filter, extra);
    }

    /** Whether an object at {@code dn} is in scope by its position (not by its type). */
    public boolean contains(String dn) {
        DN parsed;
        try {
            parsed = new DN(dn);
        } catch (LDAPException e) {
            return false;
        }
        return contains(parsed);
    }

    public boolean contains(DN dn) {
        if (bases.stream().noneMatch(b -> dn.isDescendantOf(b, true))) {
            return false;
        }
        return excluded.stream().noneMatch(x -> dn.isDescendantOf(x, true));
    }

    /** The partition holding {@code dn}, or null. */
    public DN partitionOf(DN dn) {
        DN best = null;
        for (DN p : partitions) {
            if (dn.isDescendantOf(p, true) && (best == null || p.isDescendantOf(best, false))) {
                best = p;
            }
        }
        return best;
    }

    /** The bases inside {@code partition}. */
    public List<DN> basesIn(DN partition) {
        return bases.stream().filter(b -> b.isDescendantOf(partition, true)).toList();
    }

    /** The object type an entry is, by the first configured type whose filter it matches; null for none. */
    public LdapConnectorConfig.ObjectTypeConfig typeOf(Entry entry) {
        for (int i = 0; i < types.size(); i++) {
            try {
                if (typeFilters.get(i).matchesEntry(entry)) {
                    return types.get(i);
                }
            } catch (LDAPException e) {
                // A filter this client cannot evaluate: fall back to the object class alone.
                if (entry.hasObjectClass(types.get(i).objectClass())) {
                    return types.get(i);
                }
            }
        }
        return null;
    }

    /** Whether any type's object class is among {@code objectClasses}. */
    public boolean anyTypeHasClass(String[] objectClasses) {
        if (objectClasses == null) {
            return false;
        }
        for (LdapConnectorConfig.ObjectTypeConfig t : types) {
            for (String oc : objectClasses) {
                if (oc.equalsIgnoreCase(t.objectClass())) {
                    return true;
                }
            }
        }
        return false;
    }
}
