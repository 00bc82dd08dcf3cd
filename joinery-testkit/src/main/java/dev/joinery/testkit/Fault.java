package dev.joinery.testkit;

import java.util.Objects;

/**
 * One fault to arm on an {@link Operation} with {@link FaultPlan#set(Operation, Fault)}: how it fails, which
 * calls it strikes, and for how long. Immutable.
 *
 * <ul>
 *   <li>{@code mode}: how a struck call fails; never {@link BreakMode#NONE}.
 *   <li>{@code everyKth}: strikes the k-th, 2k-th, ... call counted from when the fault was armed; 1 strikes
 *       every call.
 *   <li>{@code afterObjects}: for an import, how many objects a struck call sends before it breaks (0 breaks
 *       before the first; when fewer exist, it breaks after the last and before returning).
 *   <li>{@code times}: how many calls it strikes before it heals by itself, or {@link #UNTIL_CLEARED}.
 * </ul>
 */
public record Fault(BreakMode mode, int everyKth, int afterObjects, int times) {
    /** {@link #times()} of a fault that lasts until {@link FaultPlan#clear(Operation)}. */
    public static final int UNTIL_CLEARED = -1;

    public Fault {
        Objects.requireNonNull(mode, "mode");
        if (mode == BreakMode.NONE) {
            throw new IllegalArgumentException("a fault breaks something; clear the operation to heal it");
        }
        if (everyKth < 1) {
            throw new IllegalArgumentException("everyKth must be at least 1, was " + everyKth);
        }
        if (afterObjects < 0) {
            throw new IllegalArgumentException("afterObjects must not be negative, was " + afterObjects);
        }
        if (times < 1 && times != UNTIL_CLEARED) {
            throw new IllegalArgumentException("times must be at least 1 or UNTIL_CLEARED, was " + times);
        }
    }

    /** Every call fails until the operation is cleared. */
    public static Fault always(BreakMode mode) {
        return new Fault(mode, 1, 0, UNTIL_CLEARED);
    }

    /** The next {@code calls} calls fail, then the operation heals by itself. */
    public static Fault next(int calls, BreakMode mode) {
        return new Fault(mode, 1, 0, calls);
    }

    /** Every k-th call fails (every k-th change of its kind in an export) until cleared. */
    public static Fault everyKth(int k, BreakMode mode) {
        return new Fault(mode, k, 0, UNTIL_CLEARED);
    }

    /** Every import breaks after sending {@code objects} objects, until cleared. */
    public static Fault afterObjects(int objects, BreakMode mode) {
        return new Fault(mode, 1, objects, UNTIL_CLEARED);
    }

    /** This fault, healing by itself after striking {@code calls} calls. */
    public Fault times(int calls) {
        return new Fault(mode, everyKth, afterObjects, calls);
    }
}
