package dev.joinery.connector.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ScimpleServerSmokeTest {
    @Test
    void serverAnswers() throws Exception {
        try (ScimpleServer server = ScimpleServer.start()) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String p : new String[] {"/ServiceProviderConfig", "/Schemas", "/ResourceTypes", "/Users"}) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + p)).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println(p + " " + r.statusCode() + " " + r.body());
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
    }
}
