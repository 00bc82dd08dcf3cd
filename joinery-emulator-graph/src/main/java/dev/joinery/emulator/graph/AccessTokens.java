package dev.joinery.emulator.graph;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque bearer tokens (notes §8: "treat Graph tokens as opaque"): issued by the token endpoint, checked by the
 * API. An unknown, missing or expired token gets 401 {@code InvalidAuthenticationToken} (the code is
 * Uncertain in notes §6). Thread-safe.
 */
final class AccessTokens {
    private record Grant(GraphRequest.Caller caller, Instant expires) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration lifetime;

    AccessTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    void lifetime(Duration newLifetime) {
        this.lifetime = newLifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    String issue(GraphRequest.Caller caller) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "emu." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(caller, clock.instant().plus(lifetime)));
        return token;
    }

    /** The caller of a request with this {@code Authorization} header value. */
    GraphRequest.Caller check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new GraphException(401, "InvalidAuthenticationToken", "Access token is empty.");
        }
        Grant grant = grants.get(authorization.substring(7).trim());
        if (grant == null) {
            throw new GraphException(401, "InvalidAuthenticationToken", "Access token validation failure.");
        }
        if (!clock.instant().isBefore(grant.expires())) {
            throw new GraphException(
                    401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
        }
        return grant.caller();
    }
}
