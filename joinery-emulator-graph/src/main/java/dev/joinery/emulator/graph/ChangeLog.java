package dev.joinery.emulator.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's numbered change history that delta tokens point into (notes §3): object changes (the object's
 * {@code changeSeq}), removals ({@link Removal}) and membership changes ({@link MemberChange}). Guarded by the
 * owning {@link TenantDirectory}'s lock.
 */
final class ChangeLog {
    /** An object that left the directory at {@code seq}: soft-deleted ({@code changed}) or gone ({@code deleted}). */
    record Removal(long seq, Kind kind, String id, boolean permanent) {}

    /** A member added to or removed from a group at {@code seq}. */
    record MemberChange(long seq, String groupId, String memberId, boolean added) {}

    private long seq;
    final List<Removal> removals = new ArrayList<>();
    final List<MemberChange> memberChanges = new ArrayList<>();

    long next() {
        return ++seq;
    }

    long current() {
        return seq;
    }
}
