package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.model.Attributes;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.PendingExport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Applies value changes to attribute maps, permissively (adding a present value or deleting an absent one is a no-op). */
public final class Changes {
    private Changes() {}

    public static void apply(Map<String, List<AttributeValue>> values, AttributeChange change) {
        List<AttributeValue> list = new ArrayList<>(values.getOrDefault(change.name(), List.of()));
        switch (change.operation()) {
            case ADD:
                change.values().stream().filter(v -> !list.contains(v)).forEach(list::add);
                break;
            case DELETE:
                list.removeAll(change.values());
                break;
            case REPLACE:
                list.clear();
                list.addAll(change.values());
                break;
            case CLEAR:
                list.clear();
                break;
            default:
                throw new AssertionError(change.operation());
        }
        if (list.isEmpty()) {
            values.remove(change.name());
        } else {
            values.put(change.name(), List.copyOf(list));
        }
    }

    /**
     * What the engine believes the directory holds after its exports: the hologram overlaid with the export memory,
     * where an attribute remembered empty was exported as cleared. Modifiable, case-insensitive.
     */
    public static TreeMap<String, List<AttributeValue>> withExportMemory(CsObject cs) {
        TreeMap<String, List<AttributeValue>> map = Attributes.mutable(cs.attributes());
        cs.exportMemory().forEach((name, values) -> {
            if (values.isEmpty()) {
                map.remove(name);
            } else {
                map.put(name, values);
            }
        });
        return map;
    }

    /**
     * What the engine believes the directory holds or will hold for a connector-space object: the hologram, then
     * the values exported but not yet confirmed, then the changes staged for export.
     */
    public static Map<String, List<AttributeValue>> expected(CsObject cs, PendingExport pending) {
        TreeMap<String, List<AttributeValue>> map = withExportMemory(cs);
        if (pending != null && pending.kind() != PendingExport.Kind.DELETE) {
            pending.changes().forEach(c -> apply(map, c));
        }
        return map;
    }
}
