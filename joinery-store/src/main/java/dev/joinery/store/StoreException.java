package dev.joinery.store;

/** The store's database failed (connection lost, disk full, a statement refused); wraps the driver's exception. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
