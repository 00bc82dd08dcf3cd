package dev.joinery.testkit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The faults armed on a connector, switchable while it runs, and how often each {@link Operation} was
 * called. Thread-safe: a test may arm and clear faults from any thread while the connector works.
 *
 * <pre>{@code
 * FaultPlan faults = connector.faults();
 * faults.set(Operation.FULL_IMPORT, Fault.afterObjects(5, BreakMode.NETWORK).times(1));
 * RecordingSink broken = new RecordingSink();
 * assertThatThrownBy(() -> connector.fullImport(broken)).isInstanceOf(ConnectorException.class);
 * assertThat(broken.upserts()).hasSize(5);
 * connector.fullImport(new RecordingSink()); // healed
 * assertThat(faults.calls(Operation.FULL_IMPORT)).isEqualTo(2);
 * }</pre>
 */
public final class FaultPlan {
    private final Map<Operation, Armed> armed = new EnumMap<>(Operation.class);
    private final Map<Operation, Integer> calls = new EnumMap<>(Operation.class);

    /** Arms {@code fault} on {@code operation}, replacing any fault armed there, and restarts its count. */
    public synchronized void set(Operation operation, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fault, "fault");
        if (fault.afterObjects() > 0 && !operation.isImport()) {
            throw new IllegalArgumentException(
                    "afterObjects applies to imports, not to " + operation + "; use everyKth to fail some changes");
        }
        armed.put(operation, new Armed(fault));
    }

    /** Heals {@code operation}. */
    public synchronized void clear(Operation operation) {
        armed.remove(Objects.requireNonNull(operation, "operation"));
    }

    /** Heals every operation; the call counts stay. */
    public synchronized void clearAll() {
        armed.clear();
    }

    /** How {@code operation} is broken now; {@link BreakMode#NONE} when it works. */
    public synchronized BreakMode mode(Operation operation) {
        Armed a = armed.get(Objects.requireNonNull(operation, "operation"));
        return a == null ? BreakMode.NONE : a.fault.mode();
    }

    /** How many times {@code operation} was called, failed calls included. */
    public synchronized int calls(Operation operation) {
        return calls.getOrDefault(Objects.requireNonNull(operation, "operation"), 0);
    }

    /** Sets every call count back to zero. */
    public synchronized void resetCalls() {
        calls.clear();
    }

    /**
     * Counts one call of {@code operation} and returns the fault that strikes it, or null when it should work.
     * A fault with a limited number of {@link Fault#times()} heals once it struck that many calls.
     */
    synchronized Fault strike(Operation operation) {
        calls.merge(operation, 1, Integer::sum);
        Armed a = armed.get(operation);
        if (a == null) {
            return null;
        }
        a.seen++;
        if (a.seen % a.fault.everyKth() != 0) {
            return null;
        }
        if (a.fault.times() != Fault.UNTIL_CLEARED && ++a.struck == a.fault.times()) {
            armed.remove(operation);
        }
        return a.fault;
    }

    @Override
    public synchronized String toString() {
        Map<Operation, Fault> faults = new EnumMap<>(Operation.class);
        armed.forEach((operation, a) -> faults.put(operation, a.fault));
        return "FaultPlan[faults=" + faults + ", calls=" + calls + "]";
    }

    private static final class Armed {
        final Fault fault;
        int seen;
        int struck;

        Armed(Fault fault) {
            this.fault = fault;
        }
    }
}
