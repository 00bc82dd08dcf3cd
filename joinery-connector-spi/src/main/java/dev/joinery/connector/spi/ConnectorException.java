package dev.joinery.connector.spi;

import java.util.Objects;

/** A connector operation failed as a whole; carries the classified {@link ConnectorError}. */
public final class ConnectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ConnectorError error;

    public ConnectorException(ConnectorError error) {
        super(error.code() + ": " + error.message());
        this.error = error;
    }

    public ConnectorException(ConnectorError error, Throwable cause) {
        super(error.code() + ": " + error.message(), cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ConnectorError error() {
        return error;
    }

    public ConnectorError.Code code() {
        return error.code();
    }

    public boolean retriable() {
        return error.retriable();
    }
}
