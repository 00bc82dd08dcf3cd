package dev.joinery.connector.spi;

import java.util.Objects;

/**
 * A classified failure of one operation: a stable code, whether trying again may succeed, a message for the
 * operator (never a secret), and the attribute concerned when there is one (a uniqueness conflict on
 * proxyAddresses names it, so duplicate attribute resiliency can act on it).
 */
public record ConnectorError(Code code, boolean retriable, String message, String attribute) {

    /** Stable codes; each has a default classification. */
    public enum Code {
        /** The directory could not be reached, or the connection broke. */
        NETWORK(true),
        /** The directory did not answer in time. */
        TIMEOUT(true),
        /** The directory asks the client to slow down (HTTP 429, LDAP busy). */
        THROTTLED(true),
        /** The directory is temporarily unable to serve (unavailable, unwilling for now). */
        UNAVAILABLE(true),
        /** An object with that DN or a unique value already exists. */
        CONFLICT(false),
        /** The object to change is not there. */
        NOT_FOUND(false),
        /** The account may not do this. */
        PERMISSION_DENIED(false),
        /** The directory refuses the values (schema, syntax, constraint, size). */
        CONSTRAINT_VIOLATION(false),
        /** An attribute that may not change after creation was changed. */
        IMMUTABLE_VIOLATION(false),
        /** The delta watermark is no longer valid; a full import is needed. */
        WATERMARK_EXPIRED(false),
        /** The connector's own configuration is wrong (bad host, bad credentials). */
        CONFIGURATION(false),
        /** Anything else. */
        OTHER(false);

        private final boolean retriableByDefault;

        Code(boolean retriableByDefault) {
            this.retriableByDefault = retriableByDefault;
        }

        public boolean retriableByDefault() {
            return retriableByDefault;
        }
    }

    public ConnectorError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An error classified as its code's default. */
    public static ConnectorError of(Code code, String message) {
        return new ConnectorError(code, code.retriableByDefault(), message, null);
    }

    /** An error about one attribute (a uniqueness conflict, a refused value). */
    public static ConnectorError onAttribute(Code code, String attribute, String message) {
        return new ConnectorError(code, code.retriableByDefault(), message, Objects.requireNonNull(attribute));
    }
}
