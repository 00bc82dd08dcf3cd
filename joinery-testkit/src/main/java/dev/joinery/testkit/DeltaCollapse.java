package dev.joinery.testkit;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ImportChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a run of logged changes into one import change per object: an upsert of its present state when it
 * exists, a delete when it is gone, and nothing when it was added and deleted inside the run (the importer
 * never saw it). Objects come in the order of their last change, so a checkpoint after an object may carry
 * that change's number: every earlier change is either sent or superseded by a later one still to come.
 */
final class DeltaCollapse {
    private DeltaCollapse() {}

    /** One object's net change and the number of its last logged change. */
    record Net(ImportChange change, long lastSequence) {}

    static List<Net> collapse(
            List<DirectoryChange> changes, Map<Anchor, ConnectorObject> current, Predicate<String> inScope) {
        Map<Anchor, DirectoryChange> first = new HashMap<>();
        Map<Anchor, DirectoryChange> last = new LinkedHashMap<>();
        for (DirectoryChange c : changes) {
            first.putIfAbsent(c.anchor(), c);
            last.remove(c.anchor());
            last.put(c.anchor(), c);
        }
        List<Net> net = new ArrayList<>();
        for (DirectoryChange c : last.values()) {
            ConnectorObject now = current.get(c.anchor());
            if (now != null) {
                if (inScope.test(now.objectType())) {
                    net.add(new Net(ImportChange.upsert(now), c.sequence()));
                }
            } else if (first.get(c.anchor()).kind() != DirectoryChange.Kind.ADD && inScope.test(c.objectType())) {
                net.add(new Net(ImportChange.delete(c.anchor()), c.sequence()));
            }
        }
        return net;
    }
}
