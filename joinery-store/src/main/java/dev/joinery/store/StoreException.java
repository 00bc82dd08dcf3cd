package dev.joinery.store;

/**
 * The store's database failed (connection lost, disk full, a statement refused), wrapping the driver's exception, or
 * refused the process (another one writes to it).
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
        super(cause == null ? message : message + ": " + cause.getMessage(), cause);
    }
}
