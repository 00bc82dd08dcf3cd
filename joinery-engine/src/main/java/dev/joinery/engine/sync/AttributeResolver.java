package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.rules.MergeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Attribute precedence: "The sync rule with highest precedence (lowest numeric value) is going to contribute the
 * value." NULL lets lower rules contribute; AuthoritativeNull wins with no value; IgnoreThisFlow is "like the
 * attribute flow has never been there" (the target keeps what it has when no other flow decides); Merge and
 * MergeCaseInsensitive union every contribution, without duplicates (ignoring case for the latter). An attribute
 * with no flow at all is removed: its contributors left. Contributions that mix merge types ("all sync rules in
 * scope for an object must use the same merge type… If you try, you receive an error") are reported and the
 * attribute is kept as it is; the callers then leave the whole object unchanged, as for an expression error.
 */
final class AttributeResolver {
    /** Reports precedence outcomes and merge-type conflicts. */
    interface Listener {
        void flow(Contribution c, boolean won);

        void mergeConflict(String attribute, List<Contribution> contributions);
    }

    private AttributeResolver() {}

    /**
     * @param contributions every contribution to the target
     * @param order precedence order of the contributions' rules
     * @param existing the target's current attribute names (each is resolved; one without contributions is removed)
     */
    static Map<String, Resolution> resolve(
            List<Contribution> contributions, Comparator<Contribution> order, Set<String> existing, Listener listener) {
        Map<String, List<Contribution>> byAttribute = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        existing.forEach(a -> byAttribute.put(a, new ArrayList<>()));
        contributions.forEach(c -> byAttribute
                .computeIfAbsent(c.attribute(), k -> new ArrayList<>())
                .add(c));
        Map<String, Resolution> result = new LinkedHashMap<>();
        byAttribute.forEach((attribute, list) -> {
            list.sort(order);
            result.put(attribute, resolveOne(attribute, list, listener));
        });
        return result;
    }

    private static Resolution resolveOne(String attribute, List<Contribution> list, Listener listener) {
        if (list.isEmpty()) {
            return Resolution.REMOVE;
        }
        List<Contribution> active = new ArrayList<>();
        for (Contribution c : list) {
            if (c.marker() == Contribution.Marker.IGNORE) {
                listener.flow(c, false);
            } else {
                active.add(c);
            }
        }
        if (active.isEmpty()) {
            return Resolution.KEEP;
        }
        MergeType merge = active.get(0).mergeType().behaviour();
        if (active.stream().anyMatch(c -> c.mergeType().behaviour() != merge)) {
            listener.mergeConflict(attribute, active);
            return Resolution.KEEP;
        }
        return merge == MergeType.UPDATE ? update(active, listener) : merge(active, merge, listener);
    }

    private static Resolution update(List<Contribution> active, Listener listener) {
        Resolution result = null;
        for (Contribution c : active) {
            if (result != null || c.marker() == Contribution.Marker.NULL) {
                listener.flow(c, false);
            } else if (c.marker() == Contribution.Marker.AUTHORITATIVE_NULL) {
                listener.flow(c, true);
                result = new Resolution(Resolution.Kind.REMOVE, List.of(), c);
            } else {
                listener.flow(c, true);
                result = new Resolution(Resolution.Kind.SET, c.values(), c);
            }
        }
        return result != null ? result : Resolution.REMOVE;
    }

    private static Resolution merge(List<Contribution> active, MergeType merge, Listener listener) {
        List<AttributeValue> values = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        Contribution first = null;
        boolean stopped = false;
        for (Contribution c : active) {
            if (stopped || c.marker() != Contribution.Marker.VALUES) {
                listener.flow(c, !stopped && c.marker() == Contribution.Marker.AUTHORITATIVE_NULL);
                stopped |= c.marker() == Contribution.Marker.AUTHORITATIVE_NULL;
                continue;
            }
            listener.flow(c, true);
            first = first == null ? c : first;
            for (AttributeValue v : c.values()) {
                Object key =
                        merge == MergeType.MERGE_CASE_INSENSITIVE ? v.toString().toLowerCase(Locale.ROOT) : v;
                if (seen.add(key)) {
                    values.add(v);
                }
            }
        }
        return values.isEmpty() ? Resolution.REMOVE : new Resolution(Resolution.Kind.SET, values, first);
    }
}
