package dev.joinery.connector.graph;

import java.time.Instant;

/** Fetches a new access token. Implementations never log secrets or tokens. */
interface TokenSource {
    /** A token and the instant it stops being valid. */
    record Token(String value, Instant expiresOn) {
        @Override
        public String toString() {
            return "Token[expires " + expiresOn + "]";
        }
    }

    /** @throws dev.joinery.connector.spi.ConnectorException CONFIGURATION on refused credentials, NETWORK otherwise */
    Token fetch();

    /** A token that is not a cached one: the API refused the last token (revoked, or expired by its clock). */
    default Token refresh() {
        return fetch();
    }
}
