package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One directory object as the tenant keeps it: every property, including those Graph shows read-only
 * ({@code proxyAddresses}, {@code onPremises*}), so a directory-synchronization surface can later write them;
 * the write-only password apart; group members by id; and the change sequence that delta queries read.
 * Guarded by the owning {@link TenantDirectory}'s lock.
 */
final class StoredObject {
    final Kind kind;
    final String id;
    final ObjectNode properties;
    final Set<String> members = new LinkedHashSet<>();
    String password;
    Instant deletedAt;
    long changeSeq;

    StoredObject(Kind kind, String id, ObjectNode properties) {
        this.kind = kind;
        this.id = id;
        this.properties = properties;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    String text(String property) {
        var v = properties.get(property);
        return v == null || v.isNull() ? null : v.asText();
    }

    boolean isUnifiedGroup() {
        var types = properties.get("groupTypes");
        if (types != null && types.isArray()) {
            for (var t : types) {
                if (t.asText().equals("Unified")) {
                    return true;
                }
            }
        }
        return false;
    }
}
