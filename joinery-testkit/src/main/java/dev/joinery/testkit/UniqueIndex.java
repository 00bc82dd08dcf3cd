package dev.joinery.testkit;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which object holds each value of the unique attributes. Not thread-safe: the directory's lock guards it. */
final class UniqueIndex {
    private final Map<String, Map<String, Anchor>> holders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    UniqueIndex(Set<String> attributes) {
        for (String a : attributes) {
            holders.put(a, new HashMap<>());
        }
    }

    Set<String> attributes() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(holders.keySet());
        return names;
    }

    /** The first unique attribute of {@code candidate} with a value another object holds, or null. */
    String conflict(ConnectorObject candidate) {
        for (Map.Entry<String, Map<String, Anchor>> e : holders.entrySet()) {
            for (AttributeValue v : candidate.values(e.getKey())) {
                Anchor holder = e.getValue().get(AttributeValues.uniquenessKey(v));
                if (holder != null && !holder.equals(candidate.anchor())) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    void put(ConnectorObject object) {
        update(object, true);
    }

    void remove(ConnectorObject object) {
        update(object, false);
    }

    private void update(ConnectorObject object, boolean put) {
        holders.forEach((name, byValue) -> {
            List<AttributeValue> values = object.values(name);
            for (AttributeValue v : values) {
                String key = AttributeValues.uniquenessKey(v);
                if (put) {
                    byValue.put(key, object.anchor());
                } else {
                    byValue.remove(key, object.anchor());
                }
            }
        });
    }
}
