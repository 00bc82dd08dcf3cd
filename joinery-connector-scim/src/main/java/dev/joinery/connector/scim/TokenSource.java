package dev.joinery.connector.scim;

/** The bearer token for the next request. Implementations are used from one thread at a time. */
interface TokenSource {
    /** The current token, fetched or refreshed when needed; never logged. */
    String token();

    /** The service refused the token (401): fetch a new one next time, when the source can. */
    void invalidate();

    /** Whether {@link #invalidate()} can make a difference, so a 401 is worth one retry. */
    boolean refreshable();

    static TokenSource fixed(String token) {
        return new TokenSource() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public void invalidate() {}

            @Override
            public boolean refreshable() {
                return false;
            }
        };
    }
}
