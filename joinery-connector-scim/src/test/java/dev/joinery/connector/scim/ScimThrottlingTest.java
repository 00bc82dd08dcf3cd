package dev.joinery.connector.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.testkit.RecordingSink;
import dev.joinery.testkit.TestConnectorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling and outages from a scripted stub (the JDK's HTTP server): 429 and 503 are waited out for as long as
 * Retry-After says, through the injected sleeper, and reported THROTTLED or UNAVAILABLE, retriable, when they
 * persist. Also checks the bearer token is sent.
 */
class ScimThrottlingTest {
    private static final String CONFIG =
            "{\"patch\":{\"supported\":true},\"filter\":{\"supported\":true,\"maxResults\":100},"
                    + "\"bulk\":{\"supported\":false,\"maxOperations\":0,\"maxPayloadSize\":0},\"changePassword\":{\"supported\":false},"
                    + "\"sort\":{\"supported\":false},\"etag\":{\"supported\":false},\"authenticationSchemes\":[],"
                    + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"]}";
    private static final String TYPES = "{\"totalResults\":1,\"Resources\":[{\"id\":\"User\",\"name\":\"User\","
            + "\"endpoint\":\"/Users\",\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:User\","
            + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ResourceType\"]}]}";
    private static final String EMPTY = "{\"totalResults\":0,\"Resources\":[]}";

    private final Deque<int[]> script = new ArrayDeque<>();
    private final List<String> authorizations = new ArrayList<>();
    private final List<Duration> slept = new ArrayList<>();
    private HttpServer stub;

    private ScimConnector start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getPath();
            String body =
                    path.equals("/ServiceProviderConfig") ? CONFIG : path.equals("/ResourceTypes") ? TYPES : EMPTY;
            int status = 200;
            if (path.equals("/Users") && !script.isEmpty()) {
                int[] step = script.poll();
                status = step[0];
                if (step[1] >= 0) {
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(step[1]));
                }
                body = status == 200 ? EMPTY : "{\"status\":\"" + status + "\",\"detail\":\"slow down\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        stub.start();
        ScimConnector connector = new ScimConnector(
                ScimpleFixture.config("http://127.0.0.1:" + stub.getAddress().getPort()), slept::add);
        connector.open(TestConnectorContext.of(Clock.systemUTC()));
        return connector;
    }

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void aThrottledImportWaitsRetryAfterAndCompletes() throws IOException {
        script.add(new int[] {429, 7});
        script.add(new int[] {503, 2});
        ScimConnector connector = start();

        connector.fullImport(new RecordingSink());

        assertThat(slept).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        assertThat(authorizations).allMatch(("Bearer " + ScimpleFixture.TOKEN)::equals);
    }

    @Test
    void persistentThrottlingIsThrottledAndRetriable() throws IOException {
        for (int i = 0; i < 4; i++) {
            script.add(new int[] {429, 1});
        }
        ScimConnector connector = start();

        assertThatThrownBy(() -> connector.fullImport(new RecordingSink()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ConnectorError.Code.THROTTLED);
                    assertThat(e.retriable()).isTrue();
                });
        assertThat(slept).hasSize(3);
    }

    @Test
    void aPersistentOutageIsUnavailableAndRetriable() throws IOException {
        for (int i = 0; i < 4; i++) {
            script.add(new int[] {503, -1});
        }
        ScimConnector connector = start();

        assertThatThrownBy(() -> connector.fullImport(new RecordingSink()))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ConnectorError.Code.UNAVAILABLE));
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }
}
