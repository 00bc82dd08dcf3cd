package dev.joinery.emulator.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts write requests per {@link ThrottleLimits.Limit} over sliding windows on the emulator's clock and refuses
 * the excess with 429 as notes §7 describes: {@code Retry-After} in whole seconds, {@code x-ms-throttle-scope},
 * {@code x-ms-throttle-information: WriteLimitExceeded}, body code {@code TooManyRequests}. Refused requests are
 * not counted. Thread-safe.
 */
final class WriteThrottle {
    private final Clock clock;
    private volatile ThrottleLimits limits;
    private final Map<String, Deque<Instant>> windows = new HashMap<>();

    WriteThrottle(Clock clock, ThrottleLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    void limits(ThrottleLimits newLimits) {
        this.limits = newLimits;
    }

    synchronized void admit(GraphRequest.Caller caller) {
        Instant now = clock.instant();
        for (ThrottleLimits.Limit limit : limits.limits()) {
            Deque<Instant> window = windows.computeIfAbsent(key(limit, caller), k -> new ArrayDeque<>());
            while (!window.isEmpty() && !window.peekFirst().plus(limit.window()).isAfter(now)) {
                window.removeFirst();
            }
            if (window.size() >= limit.writes()) {
                Duration wait = Duration.between(now, window.peekFirst().plus(limit.window()));
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                throw new GraphException(429, "TooManyRequests", "Too many requests.")
                        .header("Retry-After", Long.toString(seconds))
                        .header("x-ms-throttle-scope", scopeHeader(limit, caller))
                        .header("x-ms-throttle-information", "WriteLimitExceeded");
            }
        }
        for (ThrottleLimits.Limit limit : limits.limits()) {
            windows.get(key(limit, caller)).addLast(now);
        }
    }

    private static String key(ThrottleLimits.Limit limit, GraphRequest.Caller c) {
        switch (limit.scope()) {
            case TENANT:
                return limit + "|" + c.tenant();
            case APPLICATION:
                return limit + "|" + c.clientId();
            default:
                return limit + "|" + c.tenant() + "|" + c.clientId();
        }
    }

    private static String scopeHeader(ThrottleLimits.Limit limit, GraphRequest.Caller c) {
        switch (limit.scope()) {
            case TENANT:
                return "Tenant/Write/" + c.clientId() + "/" + c.tenant();
            case APPLICATION:
                return "Application/Write/" + c.clientId() + "/" + c.tenant();
            default:
                return "Tenant_Application/Write/" + c.clientId() + "/" + c.tenant();
        }
    }
}
