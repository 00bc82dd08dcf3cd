package dev.joinery.testkit;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ImportSink} that keeps what it receives, for assertions. Thread-safe; the lists it returns are
 * copies.
 */
public final class RecordingSink implements ImportSink {
    private final List<ImportChange> changes = new ArrayList<>();
    private final List<Watermark> checkpoints = new ArrayList<>();

    @Override
    public synchronized void accept(ImportChange change) {
        changes.add(change);
    }

    @Override
    public synchronized void checkpoint(Watermark watermark) {
        checkpoints.add(watermark);
    }

    /** Every change, in the order received. */
    public synchronized List<ImportChange> changes() {
        return List.copyOf(changes);
    }

    /** Every checkpoint's watermark, in order. */
    public synchronized List<Watermark> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** The objects of the upserts, in the order received. */
    public synchronized List<ConnectorObject> upserts() {
        return changes.stream()
                .filter(c -> c.kind() == ImportChange.Kind.UPSERT)
                .map(ImportChange::object)
                .toList();
    }

    /** The anchors of the deletes, in the order received. */
    public synchronized List<Anchor> deletes() {
        return changes.stream()
                .filter(c -> c.kind() == ImportChange.Kind.DELETE)
                .map(ImportChange::anchor)
                .toList();
    }

    /**
     * The last change received for each anchor, in the order anchors first appeared: what an importer holding
     * every change would conclude, however many times a connector sent one object.
     */
    public synchronized Map<Anchor, ImportChange> net() {
        Map<Anchor, ImportChange> net = new LinkedHashMap<>();
        changes.forEach(c -> net.put(c.anchor(), c));
        return Collections.unmodifiableMap(net);
    }
}
