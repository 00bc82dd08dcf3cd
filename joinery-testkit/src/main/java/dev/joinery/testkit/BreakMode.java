package dev.joinery.testkit;

import dev.joinery.connector.spi.ConnectorError;

/**
 * How an operation broken by a {@link FaultPlan} fails, after midPoint's dummy resource. Every mode but
 * {@link #NONE} stands for one {@link ConnectorError.Code} and keeps that code's default classification
 * (retriable or permanent).
 *
 * <p>Lifecycle, schema and import operations fail as a whole with a {@code ConnectorException}. In an export,
 * {@link #NETWORK} and {@link #TIMEOUT} lose the connection: the changes before the broken one stay applied,
 * the broken one and those after it are not, and {@code export} throws, as the SPI says a lost connection
 * does. The other modes fail only the broken change, which gets a failed {@code ExportResult}, and the batch
 * goes on.
 *
 * <p>Partial failure is not a mode but a {@link Fault} trigger: {@link Fault#everyKth(int, BreakMode)} fails
 * some changes of a batch, {@link Fault#afterObjects(int, BreakMode)} breaks an import mid-stream; both with
 * any mode here.
 */
public enum BreakMode {
    /** Works normally. */
    NONE(null),
    /** The directory cannot be reached or the connection broke; retriable. */
    NETWORK(ConnectorError.Code.NETWORK),
    /** The directory did not answer in time; retriable. */
    TIMEOUT(ConnectorError.Code.TIMEOUT),
    /** The DN or a unique value exists already; permanent. */
    CONFLICT(ConnectorError.Code.CONFLICT),
    /** The account may not do this; permanent. */
    PERMISSION_DENIED(ConnectorError.Code.PERMISSION_DENIED),
    /** The directory asks the client to slow down; retriable. */
    THROTTLED(ConnectorError.Code.THROTTLED);

    private final ConnectorError.Code code;

    BreakMode(ConnectorError.Code code) {
        this.code = code;
    }

    /** Whether an export stops at a change broken this way (the connection is lost). */
    public boolean losesConnection() {
        return this == NETWORK || this == TIMEOUT;
    }

    /**
     * The error an operation broken this way reports.
     *
     * @throws IllegalStateException for {@link #NONE}, which reports nothing
     */
    public ConnectorError error(Operation operation) {
        if (code == null) {
            throw new IllegalStateException("NONE breaks nothing");
        }
        return ConnectorError.of(code, "injected " + name() + " fault on " + operation);
    }
}
