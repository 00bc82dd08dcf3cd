package dev.joinery.engine.store;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.model.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** The data of an {@link InMemorySyncStore} and its indexes; every method keeps them consistent. Not thread-safe. */
final class InMemoryState {
    final Map<UUID, CsObject> cs = new HashMap<>();
    final Map<UUID, Long> csSeq = new HashMap<>();
    final Map<String, Map<Anchor, UUID>> csByAnchor = new HashMap<>();
    final Map<String, Map<String, UUID>> csByDn = new HashMap<>();
    final Map<String, TreeMap<Long, UUID>> csByConnector = new HashMap<>();
    final Map<String, TreeMap<Long, UUID>> pendingImports = new HashMap<>();
    final Map<UUID, Set<UUID>> csByMv = new HashMap<>();
    final Map<String, Set<UUID>> csRefs = new HashMap<>();
    final Map<String, Set<UUID>> csValues = new HashMap<>();
    final Map<UUID, MvObject> mv = new HashMap<>();
    final Map<UUID, Long> mvSeq = new HashMap<>();
    final Map<String, Set<UUID>> mvValues = new HashMap<>();
    final Map<UUID, Set<UUID>> mvRefs = new HashMap<>();
    final Map<String, TreeMap<Long, PendingExport>> exports = new HashMap<>();
    final Map<UUID, Long> exportSeq = new HashMap<>();
    final Map<UUID, PendingExport> exportById = new HashMap<>();
    final Map<String, Watermark> watermarks = new HashMap<>();
    final Map<String, String> rulesFingerprints = new HashMap<>();
    final Map<UUID, RunRecord> runs = new LinkedHashMap<>();
    final Map<UUID, List<ObjectError>> errors = new HashMap<>();
    long nextSeq;

    // ---- connector space ----

    void putCs(CsObject o, Long seq) {
        CsObject old = cs.get(o.id());
        UUID byAnchor = o.anchor() == null
                ? null
                : csByAnchor.getOrDefault(o.connector(), Map.of()).get(o.anchor());
        if (byAnchor != null && !byAnchor.equals(o.id())) {
            throw new IllegalStateException(o.connector() + " already holds anchor " + o.anchor());
        }
        UUID byDn = csByDn.getOrDefault(o.connector(), Map.of()).get(ValueKeys.dnKey(o.dn()));
        if (byDn != null && !byDn.equals(o.id())) {
            throw new IllegalStateException(o.connector() + " already holds DN " + o.dn());
        }
        if (old != null) {
            unindexCs(old);
        }
        long s = seq != null ? seq : csSeq.computeIfAbsent(o.id(), k -> nextSeq++);
        csSeq.put(o.id(), s);
        cs.put(o.id(), o);
        indexCs(o, s);
    }

    void removeCs(UUID id) {
        CsObject old = cs.remove(id);
        if (old != null) {
            unindexCs(old);
            csSeq.remove(id);
        }
    }

    private void indexCs(CsObject o, long seq) {
        String c = o.connector();
        if (o.anchor() != null) {
            csByAnchor.computeIfAbsent(c, k -> new HashMap<>()).put(o.anchor(), o.id());
        }
        csByDn.computeIfAbsent(c, k -> new HashMap<>()).put(ValueKeys.dnKey(o.dn()), o.id());
        csByConnector.computeIfAbsent(c, k -> new TreeMap<>()).put(seq, o.id());
        if (o.pendingImport() != PendingImport.NONE) {
            pendingImports.computeIfAbsent(c, k -> new TreeMap<>()).put(seq, o.id());
        }
        if (o.link() != null) {
            csByMv.computeIfAbsent(o.link().mvId(), k -> new LinkedHashSet<>()).add(o.id());
        }
        o.attributes()
                .forEach((name, values) -> values.forEach(v -> {
                    csValues.computeIfAbsent(c + '\u0000' + ValueKeys.attributeKey(name, v), k -> new LinkedHashSet<>())
                            .add(o.id());
                    if (v instanceof AttributeValue.Reference r) {
                        csRefs.computeIfAbsent(c + '\u0000' + ValueKeys.dnKey(r.dn()), k -> new LinkedHashSet<>())
                                .add(o.id());
                    }
                }));
    }

    private void unindexCs(CsObject o) {
        String c = o.connector();
        long seq = csSeq.get(o.id());
        if (o.anchor() != null) {
            csByAnchor.get(c).remove(o.anchor());
        }
        csByDn.get(c).remove(ValueKeys.dnKey(o.dn()));
        csByConnector.get(c).remove(seq);
        TreeMap<Long, UUID> pending = pendingImports.get(c);
        if (pending != null) {
            pending.remove(seq);
        }
        if (o.link() != null) {
            removeFrom(csByMv, o.link().mvId(), o.id());
        }
        o.attributes()
                .forEach((name, values) -> values.forEach(v -> {
                    removeFrom(csValues, c + '\u0000' + ValueKeys.attributeKey(name, v), o.id());
                    if (v instanceof AttributeValue.Reference r) {
                        removeFrom(csRefs, c + '\u0000' + ValueKeys.dnKey(r.dn()), o.id());
                    }
                }));
    }

    List<UUID> csOrdered(Set<UUID> ids) {
        return sorted(ids, csSeq::get);
    }

    // ---- pending exports ----

    /** Stages an export at {@code seq}, or at its old place, or last; returns the place. */
    long putExport(PendingExport e, Long seq) {
        PendingExport old = exportById.get(e.csId());
        long s = seq != null ? seq : old != null ? exportSeq.get(e.csId()) : nextSeq++;
        if (old != null) {
            removeExport(e.csId());
        }
        exports.computeIfAbsent(e.connector(), k -> new TreeMap<>()).put(s, e);
        exportSeq.put(e.csId(), s);
        exportById.put(e.csId(), e);
        return s;
    }

    void removeExport(UUID csId) {
        PendingExport old = exportById.remove(csId);
        if (old != null) {
            exports.get(old.connector()).remove(exportSeq.remove(csId));
        }
    }

    // ---- metaverse ----

    void putMv(MvObject o, Long seq) {
        MvObject old = mv.get(o.id());
        if (old != null) {
            unindexMv(old);
        }
        if (seq != null) {
            mvSeq.put(o.id(), seq);
        } else {
            mvSeq.computeIfAbsent(o.id(), k -> nextSeq++);
        }
        mv.put(o.id(), o);
        o.attributes().forEach((name, a) -> a.values().forEach(v -> {
            mvValues.computeIfAbsent(ValueKeys.attributeKey(name, v), k -> new LinkedHashSet<>())
                    .add(o.id());
            UUID target = referencedId(v);
            if (target != null) {
                mvRefs.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(o.id());
            }
        }));
    }

    void removeMv(UUID id) {
        MvObject old = mv.remove(id);
        if (old != null) {
            unindexMv(old);
            mvSeq.remove(id);
        }
    }

    private void unindexMv(MvObject o) {
        o.attributes().forEach((name, a) -> a.values().forEach(v -> {
            removeFrom(mvValues, ValueKeys.attributeKey(name, v), o.id());
            UUID target = referencedId(v);
            if (target != null) {
                removeFrom(mvRefs, target, o.id());
            }
        }));
    }

    List<UUID> mvOrdered(Set<UUID> ids) {
        return sorted(ids, mvSeq::get);
    }

    private static UUID referencedId(AttributeValue v) {
        if (v instanceof AttributeValue.Reference r) {
            try {
                return UUID.fromString(r.dn());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static <K> void removeFrom(Map<K, Set<UUID>> index, K key, UUID id) {
        Set<UUID> set = index.get(key);
        if (set != null) {
            set.remove(id);
            if (set.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private static List<UUID> sorted(Set<UUID> ids, Function<UUID, Long> seq) {
        List<UUID> list = new ArrayList<>(ids);
        list.sort(Comparator.comparing(seq));
        return list;
    }
}
