package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A local emulator of Microsoft Graph v1.0's directory API and of the Microsoft identity platform's
 * client-credentials token endpoint, in the spirit of Azure's storage emulator. It follows
 * {@code reference/graph-directory-notes.md}; each behaviour's class cites its section.
 *
 * <pre>{@code
 * try (GraphEmulator graph = GraphEmulator.start(0)) {
 *     graph.tenant("contoso").registerApp("app-id", "app-secret").addVerifiedDomain("contoso.example");
 *     String token = graph.baseUrl() + "/contoso/oauth2/v2.0/token"; // client credentials
 *     String api = graph.graphUrl();                                   // .../v1.0/users, /groups, /$batch
 * }
 * }</pre>
 *
 * <p>Tenants are made on first use; the bearer token says which tenant a call is about. Thread-safe. Not for
 * subclassing.
 */
public final class GraphEmulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, EmulatedTenant> tenants = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxGroupMembers;
    private final AccessTokens tokens;
    private final WriteThrottle throttle;
    private final DirectoryApi api;
    private final Javalin app;
    private final String baseUrl;

    private GraphEmulator(Builder b) {
        this.clock = b.clock;
        this.maxGroupMembers = b.maxGroupMembers;
        this.tokens = new AccessTokens(clock, b.tokenLifetime);
        this.throttle = new WriteThrottle(clock, b.throttle);
        this.api = new DirectoryApi(
                name -> tenant(name).directory(), name -> tenant(name).deltaEpoch());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            if (b.keyStore != null) {
                config.jetty.addConnector((server, http) -> httpsConnector(server, http, b));
            }
            config.routes.post("/{tenant}/oauth2/v2.0/token", this::token);
            config.routes.get("/{tenant}/v2.0/.well-known/openid-configuration", this::openIdConfiguration);
            for (HandlerType method : List.of(
                    HandlerType.GET, HandlerType.POST, HandlerType.PATCH, HandlerType.PUT, HandlerType.DELETE)) {
                config.routes.addHttpHandler(method, "/v1.0/*", this::graph);
            }
        });
        app.start(b.host, b.port);
        this.baseUrl = (b.keyStore != null ? "https://" : "http://") + b.host + ":" + app.port();
    }

    /** notes §9: msal4j needs https; Jetty serves TLS with the builder's PKCS#12 key store. */
    private static ServerConnector httpsConnector(Server server, HttpConfiguration http, Builder b) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(b.keyStore.toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(b.keyStorePassword);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                server,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(b.host);
        connector.setPort(b.port);
        return connector;
    }

    /** Starts an emulator on {@code port} (0 for a free one) on 127.0.0.1, with default settings. */
    public static GraphEmulator start(int port) {
        return builder().port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the emulator listens, e.g. {@code http://127.0.0.1:54321} ({@code https} with a key store); the token endpoint is below it. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The Graph service root, {@link #baseUrl()} + {@code /v1.0}. */
    public String graphUrl() {
        return baseUrl + "/v1.0";
    }

    /** The tenant called {@code name}, made on first use with the verified domain {@code name.onmicrosoft.com}. */
    public EmulatedTenant tenant(String name) {
        return tenants.computeIfAbsent(
                name.toLowerCase(Locale.ROOT), n -> new EmulatedTenant(new TenantDirectory(n, clock, maxGroupMembers)));
    }

    /** Changes the write limits from now on. */
    public void throttling(ThrottleLimits limits) {
        throttle.limits(Objects.requireNonNull(limits));
    }

    /** Changes the lifetime of tokens issued from now on. */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }

    @Override
    public void close() {
        app.stop();
    }

    private void token(Context ctx) {
        String segment = ctx.pathParam("tenant");
        EmulatedTenant tenant = tenants.get(segment.toLowerCase(Locale.ROOT));
        try {
            ObjectNode body = TokenEndpoint.issue(
                    tenant,
                    segment,
                    ctx.formParamMap(),
                    ctx.header("Authorization"),
                    baseUrl + ctx.path(),
                    tokens,
                    clock);
            tenant.tokenIssued();
            ctx.status(200).contentType("application/json").result(body.toString());
        } catch (TokenEndpoint.OAuthError e) {
            ctx.status(e.status).contentType("application/json").result(e.body.toString());
        }
    }

    /** The document msal4j's {@code oidcAuthority} reads; its issuer equals the authority (notes §9). */
    private void openIdConfiguration(Context ctx) {
        String authority = baseUrl + "/" + ctx.pathParam("tenant") + "/v2.0";
        ObjectNode doc = JSON.createObjectNode();
        doc.put("issuer", authority);
        doc.put("token_endpoint", baseUrl + "/" + ctx.pathParam("tenant") + "/oauth2/v2.0/token");
        doc.put("authorization_endpoint", baseUrl + "/" + ctx.pathParam("tenant") + "/oauth2/v2.0/authorize");
        ctx.contentType("application/json").result(doc.toString());
    }

    private void graph(Context ctx) {
        GraphResponse res;
        try {
            GraphRequest.Caller caller = tokens.check(ctx.header("Authorization"));
            String rawPath = ctx.path().substring("/v1.0".length());
            String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            Map<String, String> query = new LinkedHashMap<>();
            ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
            Map<String, String> headers = new LinkedHashMap<>();
            ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            GraphRequest req =
                    new GraphRequest(ctx.method().name(), path, query, headers, parse(ctx.body()), caller, graphUrl());
            res = path.equals("/$batch") && req.method().equals("POST")
                    ? BatchHandler.handle(req, this::pipeline, clock)
                    : pipeline(req);
        } catch (GraphException e) {
            res = error(e);
        }
        ctx.status(res.status());
        res.headers().forEach(ctx::header);
        if (res.body() != null) {
            ctx.contentType("application/json").result(res.body().toString());
        }
    }

    /** One call, HTTP or batch item: throttling for writes, then the directory; errors become Graph's shape. */
    private GraphResponse pipeline(GraphRequest req) {
        try {
            if (req.isWrite()) {
                throttle.admit(req.caller());
            }
            return api.handle(req);
        } catch (GraphException e) {
            return error(e);
        }
    }

    private GraphResponse error(GraphException e) {
        GraphResponse res = GraphResponse.of(e.status, e.body(clock.instant()));
        res.headers().putAll(e.headers);
        return res;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw GraphException.badRequest("Unable to read JSON request payload.");
        }
    }

    /** Settings for a new emulator. Not thread-safe. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofSeconds(3599);
        private ThrottleLimits throttle = ThrottleLimits.off();
        private int maxGroupMembers = 250_000;
        private Path keyStore;
        private String keyStorePassword;

        private Builder() {}

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The clock for token expiry, throttling windows, delta token age and soft-delete retention. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** notes §8: documented {@code expires_in} 3599 s. */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /** Off by default. */
        public Builder throttling(ThrottleLimits limits) {
            this.throttle = Objects.requireNonNull(limits);
            return this;
        }

        /** aadc-semantics-notes §5.3: fewer than 250,000 members by default. */
        public Builder maxGroupMembers(int max) {
            this.maxGroupMembers = max;
            return this;
        }

        /**
         * Serves HTTPS instead of HTTP, with the key and certificate of a PKCS#12 key store (for example one
         * from {@link EmulatorCertificates#generate}); msal4j needs it (notes §9).
         */
        public Builder https(Path pkcs12KeyStore, String password) {
            this.keyStore = Objects.requireNonNull(pkcs12KeyStore);
            this.keyStorePassword = Objects.requireNonNull(password);
            return this;
        }

        public GraphEmulator start() {
            return new GraphEmulator(this);
        }
    }
}
