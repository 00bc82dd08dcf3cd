package dev.joinery.emulator.graph;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The write limits the emulator enforces with {@code 429 Too Many Requests} and {@code Retry-After}. Immutable.
 * {@link #off()} by default; {@link #entraWriteLimits()} gives the documented identity-and-access write quotas
 * (graph-directory-notes §7; aadc-semantics-notes §5.3).
 *
 * @param limits each counted over a sliding window; a write is refused when any limit is full
 */
public record ThrottleLimits(List<Limit> limits) {
    /** Who shares a quota (notes §7 "Scope"). */
    public enum Scope {
        /** One application in one tenant. */
        APPLICATION_TENANT,
        /** All applications of a tenant. */
        TENANT,
        /** One application across all tenants. */
        APPLICATION
    }

    /** At most {@code writes} write requests per {@code window} within one {@code scope}. */
    public record Limit(Scope scope, int writes, Duration window) {
        public Limit {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(window, "window");
            if (writes < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit needs writes >= 1 and a positive window");
            }
        }
    }

    public ThrottleLimits {
        limits = List.copyOf(limits);
    }

    /** No throttling. */
    public static ThrottleLimits off() {
        return new ThrottleLimits(List.of());
    }

    /**
     * notes §7: 3,000 writes / 2 min 30 s per application and tenant; 18,000 writes / 5 min per tenant; 35,000
     * writes / 5 min per application.
     */
    public static ThrottleLimits entraWriteLimits() {
        return new ThrottleLimits(List.of(
                new Limit(Scope.APPLICATION_TENANT, 3_000, Duration.ofSeconds(150)),
                new Limit(Scope.TENANT, 18_000, Duration.ofMinutes(5)),
                new Limit(Scope.APPLICATION, 35_000, Duration.ofMinutes(5))));
    }

    /** The given limits. */
    public static ThrottleLimits of(Limit... limits) {
        return new ThrottleLimits(List.of(limits));
    }
}
