package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A bare HTTP client for emulator tests: gets a token, then calls Graph with it. */
final class EmulatorClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final GraphEmulator emulator;
    String token;

    /** A response: status, one header, JSON body (null when none). */
    record Reply(int status, HttpResponse<String> raw, JsonNode body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    EmulatorClient(GraphEmulator emulator) {
        this.emulator = emulator;
    }

    static EmulatorClient signedIn(GraphEmulator emulator, String tenant) {
        emulator.tenant(tenant).registerApp("app", "s3cret").addVerifiedDomain("contoso.example");
        EmulatorClient c = new EmulatorClient(emulator);
        Reply r = c.requestToken(tenant, "app", "s3cret");
        c.token = r.body().get("access_token").asText();
        return c;
    }

    Reply requestToken(String tenant, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret)
                + "&scope=" + enc("https://graph.microsoft.com/.default");
        return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Reply get(String path) {
        return call("GET", path, null);
    }

    Reply call(String method, String path, JsonNode body) {
        String url = path.startsWith("http") ? path : emulator.graphUrl() + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(b);
    }

    ObjectNode newUser(String alias) {
        ObjectNode u = JSON.createObjectNode();
        u.put("accountEnabled", true);
        u.put("displayName", alias);
        u.put("mailNickname", alias);
        u.put("userPrincipalName", alias + "@contoso.example");
        u.putObject("passwordProfile").put("password", "Passw0rd!x");
        return u;
    }

    ObjectNode newGroup(String nick) {
        ObjectNode g = JSON.createObjectNode();
        g.put("displayName", nick);
        g.put("mailNickname", nick);
        g.put("mailEnabled", false);
        g.put("securityEnabled", true);
        return g;
    }

    String createUser(String alias) {
        Reply r = call("POST", "/users", newUser(alias));
        if (r.status() != 201) {
            throw new AssertionError(r.raw().body());
        }
        return r.body().get("id").asText();
    }

    String createGroup(String nick) {
        return call("POST", "/groups", newGroup(nick)).body().get("id").asText();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Reply(r.statusCode(), r, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
