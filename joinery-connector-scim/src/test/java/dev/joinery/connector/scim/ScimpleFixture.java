package dev.joinery.connector.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.Secret;
import dev.joinery.connector.spi.config.SecretReference;
import dev.joinery.testkit.ConnectorFixture;
import dev.joinery.testkit.TestConnectorContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ConnectorFixture} over a {@link ScimpleServer}, emptied for each fixture. The backdoor speaks plain
 * HTTP to the server with {@code POST}, {@code PUT} (whole resources, where the connector sends PATCH) and {@code
 * DELETE}, reusing only the connector's attribute table to build and read JSON.
 */
final class ScimpleFixture implements ConnectorFixture {
    static final String TOKEN = "test-token";
    final ScimpleServer server;
    final ScimConnector connector;
    final ConnectorContext context = TestConnectorContext.of(Clock.systemUTC());
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ScimpleFixture(ScimpleServer server, Sleeper sleeper) {
        this.server = server;
        server.clear();
        this.connector = new ScimConnector(config(server.baseUrl()), sleeper);
        connector.open(context);
    }

    static ConnectorConfig config(String baseUrl) {
        return ConnectorConfig.builder(ScimOptions.OPTIONS)
                .set(ScimOptions.BASE_URL, URI.create(baseUrl))
                .set(ScimOptions.TOKEN, Secret.of(SecretReference.env("SCIM_TOKEN"), "token", r -> TOKEN))
                .set(ScimOptions.PAGE_SIZE, 2)
                .build();
    }

    @Override
    public Connector connector() {
        return connector;
    }

    @Override
    public ConnectorContext context() {
        return context;
    }

    @Override
    public Anchor create(String objectType, String dn, Map<String, List<AttributeValue>> attributes) {
        ScimResourceType type = ScimResourceType.ofObjectType(objectType).orElseThrow();
        JsonNode created = send("POST", type.endpoint, type.createBody(dn, attributes, this::idOf));
        return Anchor.of(created.path("id").asText());
    }

    @Override
    public void modify(Anchor anchor, List<AttributeChange> changes) {
        ConnectorObject o = read(anchor).orElseThrow();
        Map<String, List<AttributeValue>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(o.attributes());
        for (AttributeChange c : changes) {
            List<AttributeValue> now = new ArrayList<>(values.getOrDefault(c.name(), List.of()));
            switch (c.operation()) {
                case ADD:
                    now.addAll(c.values());
                    break;
                case DELETE:
                    now.removeAll(c.values());
                    break;
                case REPLACE:
                    now = new ArrayList<>(c.values());
                    break;
                default:
                    now.clear();
            }
            values.put(c.name(), now);
        }
        put(o, o.dn(), values);
    }

    @Override
    public void rename(Anchor anchor, String newDn) {
        ConnectorObject o = read(anchor).orElseThrow();
        put(o, newDn, o.attributes());
    }

    @Override
    public void delete(Anchor anchor) {
        ConnectorObject o = read(anchor).orElseThrow();
        send("DELETE", ScimResourceType.ofObjectType(o.objectType()).orElseThrow().endpoint + "/" + anchor, null);
    }

    @Override
    public Optional<ConnectorObject> read(Anchor anchor) {
        for (ScimResourceType type : ScimResourceType.values()) {
            HttpResponse<String> r = raw("GET", type.endpoint + "/" + anchor, null);
            if (r.statusCode() == 200) {
                return Optional.of(type.toObject(json(r.body()), this::dnOf));
            }
        }
        return Optional.empty();
    }

    @Override
    public String userType() {
        return "User";
    }

    @Override
    public String groupType() {
        return "Group";
    }

    @Override
    public String userDn(String name) {
        return "Users/" + name;
    }

    @Override
    public String groupDn(String name) {
        return "Groups/" + name;
    }

    @Override
    public Optional<String> userDnInOtherContainer(String name) {
        return Optional.empty();
    }

    @Override
    public Map<String, List<AttributeValue>> userAttributes(String name) {
        return new TreeMap<>(Map.of(
                "externalId", List.of(AttributeValue.text("ext-" + name)),
                "name.familyName", List.of(AttributeValue.text(name.toUpperCase(java.util.Locale.ROOT))),
                "emails.work", List.of(AttributeValue.text(name + "@contoso.example")),
                "active", List.of(AttributeValue.bool(true))));
    }

    @Override
    public Map<String, List<AttributeValue>> groupAttributes(String name) {
        return new TreeMap<>(Map.of("externalId", List.of(AttributeValue.text("ext-" + name))));
    }

    @Override
    public String textAttribute() {
        return "displayName";
    }

    @Override
    public Optional<String> binaryAttribute() {
        return Optional.empty();
    }

    @Override
    public String memberAttribute() {
        return ScimResourceType.MEMBERS;
    }

    @Override
    public void close() {
        connector.close();
    }

    private void put(ConnectorObject o, String dn, Map<String, List<AttributeValue>> values) {
        ScimResourceType type = ScimResourceType.ofObjectType(o.objectType()).orElseThrow();
        ObjectNode body = type.createBody(dn, values, this::idOf);
        body.put("id", o.anchor().value());
        send("PUT", type.endpoint + "/" + o.anchor(), body);
    }

    private String idOf(String dn) {
        ScimResourceType type = ScimResourceType.ofDn(dn).orElseThrow();
        String filter = type.naming + " eq \"" + type.namingValue(dn) + "\"";
        JsonNode list =
                send("GET", type.endpoint + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
        return list.path("Resources").path(0).path("id").asText();
    }

    private String dnOf(String id) {
        for (ScimResourceType type : ScimResourceType.values()) {
            HttpResponse<String> r = raw("GET", type.endpoint + "/" + id, null);
            if (r.statusCode() == 200) {
                return type.dn(json(r.body()).path(type.naming).asText());
            }
        }
        return null;
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpResponse<String> r = raw(method, path, body);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? ScimClient.JSON.createObjectNode() : json(r.body());
    }

    HttpResponse<String> raw(String method, String path, JsonNode body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Content-Type", "application/scim+json");
            b.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(ScimClient.JSON.writeValueAsString(body)));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return ScimClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
