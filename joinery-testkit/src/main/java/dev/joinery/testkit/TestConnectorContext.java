package dev.joinery.testkit;

import dev.joinery.connector.spi.ConnectorContext;
import java.time.Clock;
import java.util.Objects;

/** A {@link ConnectorContext} for tests: a name and a clock, usually a {@link FakeClock}. Immutable. */
public record TestConnectorContext(String connectorName, Clock clock) implements ConnectorContext {
    public TestConnectorContext {
        Objects.requireNonNull(connectorName, "connectorName");
        Objects.requireNonNull(clock, "clock");
    }

    /** A context named "test" with the given clock. */
    public static TestConnectorContext of(Clock clock) {
        return new TestConnectorContext("test", clock);
    }
}
