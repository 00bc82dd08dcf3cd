package dev.joinery.connector.scim;

import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import dev.joinery.connector.spi.config.Secret;
import java.net.URI;
import java.time.Duration;

/** The options of the {@code scim} connector kind, declared once; {@link #OPTIONS} lists them in help order. */
public final class ScimOptions {
    private ScimOptions() {}

    public static final Option<URI> BASE_URL = Option.url("baseUrl")
            .withDescription(
                    "Base URL of the SCIM 2.0 service; /Users, /Groups and the discovery endpoints are under it.")
            .required();
    public static final Option<String> AUTH = Option.oneOf("auth", "bearer", "oauth")
            .withDescription("How to authenticate: a fixed bearer token, or OAuth 2.0 client credentials.")
            .withDefault("bearer");
    public static final Option<Secret> TOKEN =
            Option.secret("token").withDescription("The bearer token, when auth is bearer.");
    public static final Option<URI> OAUTH_TOKEN_URL =
            Option.url("oauth.tokenUrl").withDescription("OAuth 2.0 token endpoint, when auth is oauth.");
    public static final Option<String> OAUTH_CLIENT_ID =
            Option.string("oauth.clientId").withDescription("OAuth 2.0 client id, when auth is oauth.");
    public static final Option<Secret> OAUTH_CLIENT_SECRET =
            Option.secret("oauth.clientSecret").withDescription("OAuth 2.0 client secret, when auth is oauth.");
    public static final Option<String> OAUTH_SCOPE =
            Option.string("oauth.scope").withDescription("Scope to request with the client credentials, if any.");
    public static final Option<Integer> PAGE_SIZE = Option.integer("pageSize")
            .withDescription("Resources asked for per page of a full import (the count parameter).")
            .withDefault(100)
            .withRange(1, 10000);
    public static final Option<Duration> TIMEOUT = Option.duration("timeout")
            .withDescription("Time allowed for one HTTP request.")
            .withDefault(Duration.ofSeconds(30));
    public static final Option<Integer> RETRIES = Option.integer("retries")
            .withDescription("Times a throttled (429) or unavailable (503) request is tried again, after Retry-After.")
            .withDefault(3)
            .withRange(0, 20);
    public static final Option<Duration> MAX_RETRY_WAIT = Option.duration("maxRetryWait")
            .withDescription("The longest Retry-After the connector waits out; a longer one fails the request.")
            .withDefault(Duration.ofMinutes(2));

    public static final OptionSet OPTIONS = OptionSet.of(
            "scim",
            BASE_URL,
            AUTH,
            TOKEN,
            OAUTH_TOKEN_URL,
            OAUTH_CLIENT_ID,
            OAUTH_CLIENT_SECRET,
            OAUTH_SCOPE,
            PAGE_SIZE,
            TIMEOUT,
            RETRIES,
            MAX_RETRY_WAIT);
}
