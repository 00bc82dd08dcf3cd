package dev.joinery.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's own rules and shapes, each test naming the section of graph-directory-notes.md it follows. */
class GraphEmulatorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private GraphEmulator emulator;
    private EmulatorClient client;

    @BeforeEach
    void start() {
        emulator = GraphEmulator.builder().clock(clock).start();
        client = EmulatorClient.signedIn(emulator, "contoso");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** §8: a call without a bearer token is refused. */
    @Test
    void aCallWithoutATokenGets401() {
        client.token = null;

        EmulatorClient.Reply r = client.get("/users");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");
    }

    /** §8: tokens expire (expires_in 3599); then 401. */
    @Test
    void anExpiredTokenGets401() {
        clock.advance(Duration.ofSeconds(3600));

        assertThat(client.get("/users").status()).isEqualTo(401);
    }

    /** §8: a wrong secret is invalid_client AADSTS7000215. */
    @Test
    void aWrongSecretIsRefusedWithAnAadstsError() {
        EmulatorClient.Reply r = client.requestToken("contoso", "app", "wrong");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("error").asText()).isEqualTo("invalid_client");
        assertThat(r.body().get("error_description").asText()).startsWith("AADSTS7000215");
    }

    /** §1.8: a duplicate userPrincipalName is 400 Request_BadRequest naming the property, details ObjectConflict. */
    @Test
    void aDuplicateUserPrincipalNameIsAConflictNamingTheProperty() {
        client.createUser("alice");

        EmulatorClient.Reply r = client.call("POST", "/users", client.newUser("alice"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/error/code").asText()).isEqualTo("Request_BadRequest");
        assertThat(r.body().at("/error/message").asText()).contains("userPrincipalName");
        assertThat(r.body().at("/error/details/0/code").asText()).isEqualTo("ObjectConflict");
        assertThat(r.body().at("/error/details/0/target").asText()).isEqualTo("userPrincipalName");
        assertThat(r.body().at("/error/innerError/request-id").asText()).isNotEmpty();
    }

    /** §1.3: a mail that is another object's proxy fails and changes neither property. */
    @Test
    void aMailCollidingWithAnotherProxyFailsAndChangesNothing() {
        String alice = client.createUser("alice");
        String bob = client.createUser("bob");
        client.call("PATCH", "/users/" + alice, json("{\"mail\":\"shared@contoso.example\"}"));

        EmulatorClient.Reply r = client.call("PATCH", "/users/" + bob, json("{\"mail\":\"SHARED@contoso.example\"}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/error/details/0/target").asText()).isEqualTo("proxyAddresses");
        JsonNode after =
                client.get("/users/" + bob + "?$select=mail,proxyAddresses").body();
        assertThat(after.get("mail").isNull()).isTrue();
        assertThat(after.get("proxyAddresses")).isEmpty();
        assertThat(client.get("/users/" + alice + "?$select=proxyAddresses")
                        .body()
                        .get("proxyAddresses")
                        .get(0)
                        .asText())
                .isEqualTo("SMTP:shared@contoso.example");
    }

    /** §1.2: proxyAddresses is read-only through Graph. */
    @Test
    void proxyAddressesCannotBeWritten() {
        String alice = client.createUser("alice");

        EmulatorClient.Reply r =
                client.call("PATCH", "/users/" + alice, json("{\"proxyAddresses\":[\"SMTP:a@contoso.example\"]}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/error/message").asText()).contains("read-only");
    }

    /** aadc-semantics-notes §2.13: onPremisesImmutableId may be set once, never changed. */
    @Test
    void onPremisesImmutableIdCannotChangeOnceSet() {
        String alice = client.createUser("alice");
        assertThat(client.call("PATCH", "/users/" + alice, json("{\"onPremisesImmutableId\":\"AAAA\"}"))
                        .status())
                .isEqualTo(204);

        EmulatorClient.Reply r = client.call("PATCH", "/users/" + alice, json("{\"onPremisesImmutableId\":\"BBBB\"}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/error/details/0/target").asText()).isEqualTo("onPremisesImmutableId");
    }

    /** §1.2: without $select a user shows only the 11 default properties. */
    @Test
    void usersShowTheDefaultPropertiesUnlessSelected() {
        String alice = client.createUser("alice");

        JsonNode plain = client.get("/users/" + alice).body();
        JsonNode selected = client.get("/users/" + alice + "?$select=accountEnabled,mailNickname")
                .body();

        assertThat(plain.has("accountEnabled")).isFalse();
        assertThat(plain.has("userPrincipalName")).isTrue();
        assertThat(selected.get("accountEnabled").asBoolean()).isTrue();
        assertThat(selected.has("userPrincipalName")).isFalse();
    }

    /** §2.3: pages of $top with @odata.nextLink until the last; $top above 999 is refused. */
    @Test
    void listsPageWithNextLinks() {
        for (int i = 0; i < 5; i++) {
            client.createUser("user" + i);
        }
        List<String> ids = new ArrayList<>();
        String next = "/users?$top=2&$select=id";
        int pages = 0;
        while (next != null) {
            JsonNode page = client.get(next).body();
            page.get("value").forEach(u -> ids.add(u.get("id").asText()));
            next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertThat(client.get("/users?$top=1000").body().at("/error/message").asText())
                .contains("Must be between 1 and 999");
    }

    /** §2.1: the $filter forms a connector sends. */
    @Test
    void filtersByEqualityIgnoringCaseAndByProxyLambda() {
        String alice = client.createUser("alice");
        client.createUser("bob");
        client.call("PATCH", "/users/" + alice, json("{\"mail\":\"alice@contoso.example\"}"));

        JsonNode byUpn = client.get(
                        "/users?$filter=" + EmulatorClient.enc("userPrincipalName eq 'ALICE@contoso.example'"))
                .body();
        JsonNode byProxy = client.get("/users?$filter="
                        + EmulatorClient.enc("proxyAddresses/any(p:p eq 'smtp:alice@contoso.example')"))
                .body();
        EmulatorClient.Reply ne = client.get("/users?$filter=" + EmulatorClient.enc("displayName ne 'x'"));

        assertThat(byUpn.get("value")).hasSize(1);
        assertThat(byProxy.get("value").get(0).get("id").asText()).isEqualTo(alice);
        assertThat(ne.body().at("/error/code").asText()).isEqualTo("Request_UnsupportedQuery");
    }

    /** §3: a later round returns changes, removals with @removed, and members@delta. */
    @Test
    void deltaReturnsChangesRemovalsAndMemberChanges() {
        String alice = client.createUser("alice");
        String bob = client.createUser("bob");
        String staff = client.createGroup("staff");
        String usersLink = lastDeltaLink("/users/delta?$select=displayName");
        String groupsLink = lastDeltaLink("/groups/delta?$select=displayName,members");

        client.call("PATCH", "/users/" + alice, json("{\"displayName\":\"Alice Smith\"}"));
        client.call("DELETE", "/users/" + bob, null);
        client.call("POST", "/groups/" + staff + "/members/$ref", ref(alice));

        JsonNode users = client.get(usersLink).body();
        JsonNode groups = client.get(groupsLink).body();
        assertThat(users.get("value")).hasSize(2);
        assertThat(users.findValues("displayName")).extracting(JsonNode::asText).containsExactly("Alice Smith");
        assertThat(users.findValues("@removed"))
                .extracting(n -> n.get("reason").asText())
                .containsExactly("changed");
        assertThat(users.has("@odata.deltaLink")).isTrue();
        assertThat(groups.at("/value/0/members@delta/0/id").asText()).isEqualTo(alice);
        assertThat(client.get(users.get("@odata.deltaLink").asText()).body().get("value"))
                .isEmpty();
    }

    /** §3: tokens live 7 days; then syncStateNotFound. */
    @Test
    void aDeltaTokenOlderThanSevenDaysHasExpired() {
        String link = lastDeltaLink("/users/delta");
        clock.advance(Duration.ofDays(8));
        client = EmulatorClient.signedIn(emulator, "contoso");

        assertThat(client.get(link).body().at("/error/code").asText()).isEqualTo("syncStateNotFound");
    }

    /** §4: per-item status in a 200 envelope; dependsOn on a failed item gives 424; more than 20 is 400. */
    @Test
    void batchReportsEachItemAndFailsDependents() {
        client.createUser("alice");
        ObjectNode batch = EmulatorClient.JSON.createObjectNode();
        var requests = batch.putArray("requests");
        requests.addObject()
                .put("id", "1")
                .put("method", "POST")
                .put("url", "/users")
                .set("body", client.newUser("bob"));
        ((ObjectNode) requests.get(0)).putObject("headers").put("Content-Type", "application/json");
        ObjectNode dup =
                requests.addObject().put("id", "2").put("method", "POST").put("url", "/users");
        dup.set("body", client.newUser("alice"));
        dup.putObject("headers").put("Content-Type", "application/json");
        requests.addObject()
                .put("id", "3")
                .put("method", "GET")
                .put("url", "/users?$select=id")
                .putArray("dependsOn")
                .add("2");

        JsonNode r = client.call("POST", "/$batch", batch).body();

        assertThat(r.get("responses")).extracting(n -> n.get("status").asInt()).containsExactly(201, 400, 424);
        for (int i = 4; i <= 21; i++) {
            requests.addObject()
                    .put("id", Integer.toString(i))
                    .put("method", "GET")
                    .put("url", "/users");
        }
        assertThat(client.call("POST", "/$batch", batch).status()).isEqualTo(400);
    }

    /** §7: writes beyond the limit get 429 with Retry-After; after the wait they pass. */
    @Test
    void writesBeyondTheLimitAreThrottledWithRetryAfter() {
        emulator.throttling(ThrottleLimits.of(
                new ThrottleLimits.Limit(ThrottleLimits.Scope.APPLICATION_TENANT, 2, Duration.ofSeconds(10))));
        client.createUser("a1");
        client.createUser("a2");

        EmulatorClient.Reply r = client.call("POST", "/users", client.newUser("a3"));

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("10");
        assertThat(r.body().at("/error/code").asText()).isEqualTo("TooManyRequests");
        clock.advance(Duration.ofSeconds(10));
        assertThat(client.call("POST", "/users", client.newUser("a3")).status()).isEqualTo(201);
    }

    /** §5: add member twice is 400; remove by $ref; deleted user restorable from deletedItems. */
    @Test
    void membersAddRemoveAndDeletedUsersRestore() {
        String alice = client.createUser("alice");
        String staff = client.createGroup("staff");
        assertThat(client.call("POST", "/groups/" + staff + "/members/$ref", ref(alice))
                        .status())
                .isEqualTo(204);
        assertThat(client.call("POST", "/groups/" + staff + "/members/$ref", ref(alice))
                        .status())
                .isEqualTo(400);
        assertThat(client.get("/groups/" + staff + "/members")
                        .body()
                        .at("/value/0/@odata.type")
                        .asText())
                .isEqualTo("#microsoft.graph.user");

        client.call("DELETE", "/users/" + alice, null);
        assertThat(client.get("/directory/deletedItems/microsoft.graph.user")
                        .body()
                        .get("value"))
                .hasSize(1);
        assertThat(client.call("POST", "/directory/deletedItems/" + alice + "/restore", null)
                        .status())
                .isEqualTo(200);

        assertThat(client.get("/users/" + alice).status()).isEqualTo(200);
        assertThat(client.call("DELETE", "/groups/" + staff + "/members/" + alice + "/$ref", null)
                        .status())
                .isEqualTo(204);
        assertThat(emulator.tenant("contoso").members(staff)).isEmpty();
    }

    /** §1.5: contacts are read-only through Graph. */
    @Test
    void contactsCannotBeCreatedThroughGraph() {
        assertThat(client.call("POST", "/contacts", json("{\"displayName\":\"x\"}"))
                        .status())
                .isEqualTo(405);
    }

    /** aadc-semantics-notes §5.3: a group has a member limit. */
    @Test
    void aGroupRefusesMembersBeyondItsLimit() {
        emulator.close();
        emulator = GraphEmulator.builder().clock(clock).maxGroupMembers(1).start();
        client = EmulatorClient.signedIn(emulator, "contoso");
        String staff = client.createGroup("staff");
        client.call("POST", "/groups/" + staff + "/members/$ref", ref(client.createUser("a")));

        EmulatorClient.Reply r = client.call("POST", "/groups/" + staff + "/members/$ref", ref(client.createUser("b")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/error/details/0/target").asText()).isEqualTo("members");
    }

    private String lastDeltaLink(String start) {
        String next = start;
        while (true) {
            JsonNode page = client.get(next).body();
            if (page.has("@odata.deltaLink")) {
                return page.get("@odata.deltaLink").asText();
            }
            next = page.get("@odata.nextLink").asText();
        }
    }

    private static ObjectNode ref(String id) {
        return EmulatorClient.JSON
                .createObjectNode()
                .put("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + id);
    }

    private static JsonNode json(String s) {
        try {
            return EmulatorClient.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A settable clock; the emulator module depends on nothing of Joinery's, so no testkit FakeClock here. */
    static final class MutableClock extends java.time.Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
