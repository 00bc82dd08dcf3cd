package dev.joinery.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.joinery.app.run.Progress;
import dev.joinery.app.run.RunSummary;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.RunStep;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo, started in-process once for the class: its first cycle against the generated data, a change over LDAP
 * that reaches the tenant after one delta cycle, and a clean stop. The data generator's seed is in every message.
 */
class DemoTest {
    private static final long SEED = 42;
    /** Smaller than the demo's default, to keep the test run fast; every kind of object is there. */
    private static final DemoData.Sizes SIZES = new DemoData.Sizes(60, 4, 45, 2, 5, 8);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static Demo demo;

    @BeforeAll
    static void start() {
        Path shared = Path.of(System.getProperty("joinery.shared", "../../shared"));
        demo = Demo.start(new Demo.Options(folder, shared, SEED, SIZES, 0), Progress.NONE);
    }

    /** A second demo in the same folder would empty the store under the running one: it is refused. */
    @Test
    void aSecondDemoInTheSameFolderIsRefusedWhileOneRuns() {
        Path shared = Path.of(System.getProperty("joinery.shared", "../../shared"));

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> Demo.start(new Demo.Options(folder, shared, SEED, SIZES, 0), Progress.NONE));

        assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining("another demo is running");
        assertThat(demo.cycle().runs()).isNotEmpty();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    void theFirstCycleExportsEveryExpectedUserAndGroupOnceAndNothingElse() {
        DemoData.Expected x = demo.data().expected();
        RunSummary s = demo.firstCycle();

        assertThat(s.stopped()).as("seed %d", SEED).isNull();
        assertThat(s.total("errors", null, null)).as("seed %d", SEED).isZero();
        assertThat(s.total("exported", Demo.TENANT, RunStep.EXPORT))
                .as("seed %d", SEED)
                .isEqualTo(x.exportedUserPrincipalNames().size()
                        + x.exportedGroups().size());
        assertThat(s.total("joined", Demo.RESOURCE, RunStep.FULL_SYNC))
                .isEqualTo(x.linkedMailboxes().size());

        List<String> upns = new ArrayList<>();
        List<String> sams = new ArrayList<>();
        for (String id : tenantIds("user")) {
            JsonNode u = demo.tenant().get(id).orElseThrow();
            upns.add(u.path("userPrincipalName").asText());
            sams.add(u.path("mailNickname").asText());
        }
        assertThat(upns).as("seed %d", SEED).containsExactlyInAnyOrderElementsOf(x.exportedUserPrincipalNames());
        assertThat(new HashSet<>(upns)).hasSameSizeAs(upns);
        for (String filtered : x.filteredAccountNames()) {
            assertThat(upns).as("seed %d: %s is filtered", SEED, filtered).noneMatch(u -> u.startsWith(filtered + "@"));
        }
        List<String> groups = tenantIds("group").stream()
                .map(id ->
                        demo.tenant().get(id).orElseThrow().path("mailNickname").asText())
                .toList();
        assertThat(groups).containsExactlyInAnyOrderElementsOf(x.exportedGroups());
    }

    @Test
    void everyLinkedMailboxIsJoinedToItsAccount() {
        Map<String, String> linked = demo.data().expected().linkedMailboxes();
        demo.runtime().read(tx -> {
            for (Map.Entry<String, String> e : linked.entrySet()) {
                CsObject mailbox = tx.csByDn(Demo.RESOURCE, e.getKey()).orElseThrow();
                CsObject account = tx.csByDn(Demo.ACCOUNT, e.getValue()).orElseThrow();
                assertThat(mailbox.link().kind())
                        .as("seed %d: %s", SEED, e.getKey())
                        .isEqualTo(LinkKind.JOINED);
                assertThat(mailbox.link().mvId()).isEqualTo(account.link().mvId());
            }
            return null;
        });
    }

    @Test
    void aLinkedMailboxGivesTheGalAttributesAndTheAccountTheSignInAttributes() {
        Map.Entry<String, String> pair =
                demo.data().expected().linkedMailboxes().entrySet().iterator().next();
        var mv = demo.runtime().read(tx -> tx.mv(tx.csByDn(Demo.ACCOUNT, pair.getValue())
                        .orElseThrow()
                        .link()
                        .mvId())
                .orElseThrow());
        assertThat(mv.attributes().get("userPrincipalName").contributor().connector())
                .isEqualTo(Demo.ACCOUNT);
        assertThat(mv.attributes().get("sourceAnchor").contributor().connector())
                .isEqualTo(Demo.ACCOUNT);
        assertThat(mv.attributes().get("mail").contributor().connector()).isEqualTo(Demo.RESOURCE);
        assertThat(mv.attributes().get("title").contributor().rule()).contains("Common from Exchange");
    }

    @Test
    void aChangeOverLdapReachesTheTenantAfterOneDeltaCycle() throws Exception {
        DemoData.Expected x = demo.data().expected();
        demo.accountForest()
                .server()
                .modify(x.sampleUser(), new Modification(ModificationType.REPLACE, "title", "Chief Demo Officer"));

        RunSummary delta = demo.cycle();

        assertThat(delta.stopped()).isNull();
        assertThat(delta.total("exported", Demo.TENANT, RunStep.EXPORT)).isEqualTo(1);
        JsonNode user = graph("/users/" + x.sampleUserPrincipalName() + "?$select=jobTitle");
        assertThat(user.path("jobTitle").asText()).isEqualTo("Chief Demo Officer");
    }

    @Test
    void theHealthEndpointAnswers() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(demo.healthUrl())).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("up");
    }

    @Test
    void theRulesAndConfigurationAreWrittenForPeopleToRead() {
        assertThat(folder.resolve("rules/10-in-from-contoso.com.yaml")).exists();
        assertThat(folder.resolve("joinery.yaml")).content().contains("${file:secrets/tenant.txt}");
        assertThat(folder.resolve("joinery.yaml")).content().doesNotContain(demo.clientSecret());
    }

    private List<String> tenantIds(String type) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // The tenant backdoor finds by property; list users and groups through Graph instead.
        JsonNode page = graph("/" + type + "s?$select=id&$top=999");
        while (true) {
            for (JsonNode v : page.path("value")) {
                if (seen.add(v.path("id").asText())) {
                    ids.add(v.path("id").asText());
                }
            }
            Optional<String> next =
                    Optional.ofNullable(page.get("@odata.nextLink")).map(JsonNode::asText);
            if (next.isEmpty()) {
                return ids;
            }
            page = get(next.get());
        }
    }

    private JsonNode graph(String path) {
        return get(demo.emulator().graphUrl() + path);
    }

    private JsonNode get(String url) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String form = "grant_type=client_credentials&client_id=" + Demo.CLIENT_ID + "&client_secret="
                    + demo.clientSecret() + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default";
            HttpResponse<String> t = http.send(
                    HttpRequest.newBuilder(URI.create(demo.emulator().baseUrl() + "/contoso/oauth2/v2.0/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = JSON.readTree(t.body()).path("access_token").asText();
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url.replace("$", "%24")))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
