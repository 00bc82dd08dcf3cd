package dev.joinery.connector.graph;

import static dev.joinery.connector.spi.AttributeValue.reference;
import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.emulator.graph.GraphEmulator;
import dev.joinery.emulator.graph.ThrottleLimits;
import dev.joinery.testkit.FakeClock;
import dev.joinery.testkit.RecordingSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's Graph-specific behaviour against the emulator, on a fake clock that the connector's sleeper
 * advances: nothing here waits.
 */
class GraphConnectorTest {
    private final FakeClock clock = FakeClock.create();
    private final List<Duration> slept = new ArrayList<>();
    private GraphEmulator emulator;
    private EmulatorFixture fixture;

    private EmulatorFixture start(GraphEmulator.Builder builder, int pageSize) {
        emulator = builder.clock(clock).start();
        emulator.tenant("contoso").registerApp("joinery", "s3cret!").addVerifiedDomain(EmulatorFixture.DOMAIN);
        Sleeper sleeper = d -> {
            slept.add(d);
            clock.advance(d);
        };
        fixture = new EmulatorFixture(emulator, clock, sleeper);
        return fixture;
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private GraphConnector connector(int pageSize, int batchSize) {
        GraphConnector c = new GraphConnector(
                EmulatorFixture.config(emulator)
                        .pageSize(pageSize)
                        .batchSize(batchSize)
                        .build(),
                d -> {
                    slept.add(d);
                    clock.advance(d);
                });
        c.open(fixture.context());
        return c;
    }

    @Test
    void fullImportFollowsNextLinksAcrossPages() {
        start(GraphEmulator.builder(), 999);
        for (int i = 0; i < 7; i++) {
            fixture.create("user", fixture.userDn("u" + i), fixture.userAttributes("u" + i));
        }
        RecordingSink sink = new RecordingSink();

        connector(3, 20).fullImport(sink);

        assertThat(sink.upserts()).hasSize(7);
        assertThat(sink.upserts()).extracting(o -> o.anchor()).doesNotHaveDuplicates();
    }

    /** notes §3: a soft delete comes back as "@removed" and becomes a delete; member changes re-read the group. */
    @Test
    void deltaImportReportsDeletionsAndMembershipChanges() {
        start(GraphEmulator.builder(), 999);
        Anchor alice = fixture.create("user", fixture.userDn("alice"), fixture.userAttributes("alice"));
        Anchor bob = fixture.create("user", fixture.userDn("bob"), fixture.userAttributes("bob"));
        Map<String, List<AttributeValue>> staffAttrs = new TreeMap<>(fixture.groupAttributes("staff"));
        staffAttrs.put("members", List.of(reference(fixture.userDn("alice"))));
        Anchor staff = fixture.create("group", fixture.groupDn("staff"), staffAttrs);
        Watermark w = fixture.connector.fullImport(new RecordingSink());

        fixture.modify(staff, List.of(AttributeChange.add("members", List.of(reference(fixture.userDn("bob"))))));
        fixture.delete(alice);
        RecordingSink delta = new RecordingSink();
        fixture.connector.deltaImport(w, delta);

        Map<Anchor, ImportChange> net = delta.net();
        assertThat(net.get(alice).kind()).isEqualTo(ImportChange.Kind.DELETE);
        assertThat(net.get(staff).object().values("members")).containsExactly(reference(fixture.userDn("bob")));
        assertThat(net).doesNotContainKey(bob);
    }

    @Test
    void anExpiredDeltaLinkIsReportedAsAnExpiredWatermark() {
        start(GraphEmulator.builder(), 999);
        Watermark w = fixture.connector.fullImport(new RecordingSink());
        fixture.tenant.forceDeltaResync();

        assertThatThrownBy(() -> fixture.connector.deltaImport(w, new RecordingSink()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code())
                        .isEqualTo(ConnectorError.Code.WATERMARK_EXPIRED));
    }

    /** notes §7: a 429 is waited out for Retry-After and retried; every change lands. */
    @Test
    void throttledWritesAreRetriedAfterRetryAfterAndNoneIsLost() {
        start(GraphEmulator.builder(), 999);
        emulator.throttling(ThrottleLimits.of(
                new ThrottleLimits.Limit(ThrottleLimits.Scope.APPLICATION_TENANT, 5, Duration.ofSeconds(10))));
        List<ExportChange> adds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            adds.add(add("t" + i));
        }

        List<ExportResult> results = fixture.connector.export(adds);

        assertThat(results)
                .allSatisfy(r -> assertThat(r.isApplied()).as("%s", r.error()).isTrue());
        assertThat(slept).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(10)));
        for (int i = 0; i < 12; i++) {
            assertThat(fixture.tenant.find("user", "userPrincipalName", "t" + i + "@" + EmulatorFixture.DOMAIN))
                    .isPresent();
        }
    }

    /** notes §7: the client-side limiter paces writes under the quota, so the service never throttles. */
    @Test
    void theRateLimiterPacesWritesUnderTheQuota() {
        start(GraphEmulator.builder(), 999);
        emulator.throttling(ThrottleLimits.of(
                new ThrottleLimits.Limit(ThrottleLimits.Scope.APPLICATION_TENANT, 4, Duration.ofSeconds(8))));
        GraphConnector paced = new GraphConnector(
                EmulatorFixture.config(emulator)
                        .batchSize(2)
                        .writeRate(4, Duration.ofSeconds(8))
                        .build(),
                d -> {
                    slept.add(d);
                    clock.advance(d);
                });
        paced.open(fixture.context());

        List<ExportResult> results =
                paced.export(List.of(add("p0"), add("p1"), add("p2"), add("p3"), add("p4"), add("p5")));

        assertThat(results).allSatisfy(r -> assertThat(r.isApplied()).isTrue());
        assertThat(slept).isNotEmpty();
    }

    /**
     * notes §1.8: the conflict names the property; aadc-semantics §2.13: AttributeValueMustBeUnique. The attribute
     * named is the one the request sent: notes §1.3, "a {@code mail} that collides with another
     * object's proxy fails the PATCH" (Graph names proxyAddresses, which a client cannot write).
     */
    @Test
    void uniquenessConflictsNameTheAttribute() {
        start(GraphEmulator.builder(), 999);
        Anchor alice = fixture.create("user", fixture.userDn("alice"), fixture.userAttributes("alice"));
        fixture.connector.export(List.of(new ExportChange.Modify(
                alice,
                fixture.userDn("alice"),
                List.of(AttributeChange.replace("mail", List.of(text("a@contoso.example")))))));
        Anchor bob = fixture.create("user", fixture.userDn("bob"), fixture.userAttributes("bob"));

        List<ExportResult> results = fixture.connector.export(List.of(
                new ExportChange.Modify(
                        bob,
                        fixture.userDn("bob"),
                        List.of(AttributeChange.replace("mail", List.of(text("A@contoso.example"))))),
                new ExportChange.Rename(bob, fixture.userDn("bob"), fixture.userDn("alice"))));

        assertThat(results).extracting(r -> r.error().code()).containsOnly(ConnectorError.Code.CONFLICT);
        assertThat(results).extracting(r -> r.error().attribute()).containsExactly("mail", "userPrincipalName");
    }

    @Test
    void onPremisesImmutableIdIsSetOnceAndThenRefusedAsImmutable() {
        start(GraphEmulator.builder(), 999);
        Map<String, List<AttributeValue>> attrs = new TreeMap<>(fixture.userAttributes("alice"));
        attrs.put("onPremisesImmutableId", List.of(text("qmCGp0zJ0UKzAAMADLuDlA==")));
        ExportResult created = fixture.connector
                .export(List.of(new ExportChange.Add("user", fixture.userDn("alice"), attrs)))
                .get(0);

        ExportResult changed = fixture.connector
                .export(List.of(new ExportChange.Modify(
                        created.anchor(),
                        fixture.userDn("alice"),
                        List.of(AttributeChange.replace(
                                "onPremisesImmutableId", List.of(text("AAAAAAAAAAAAAAAAAAAAAA==")))))))
                .get(0);

        assertThat(created.isApplied()).isTrue();
        assertThat(changed.error().code()).isEqualTo(ConnectorError.Code.IMMUTABLE_VIOLATION);
        assertThat(changed.error().attribute()).isEqualTo("onPremisesImmutableId");
        assertThat(fixture.read(created.anchor()).orElseThrow().values("onPremisesImmutableId"))
                .containsExactly(text("qmCGp0zJ0UKzAAMADLuDlA=="));
    }

    /** notes §8: tokens expire; the connector fetches a new one before expiry without failing a call. */
    @Test
    void anExpiringTokenIsRefreshed() {
        start(GraphEmulator.builder().tokenLifetime(Duration.ofMinutes(10)), 999);
        fixture.connector.fullImport(new RecordingSink());

        clock.advance(Duration.ofMinutes(30));

        assertThat(fixture.connector.fullImport(new RecordingSink()).isNone()).isFalse();
    }

    @Test
    void wrongCredentialsFailOpenAsAConfigurationError() {
        start(GraphEmulator.builder(), 999);
        GraphConnector c = new GraphConnector(EmulatorFixture.config(emulator)
                .clientSecret(SecretReference.value("wrong"))
                .build());

        assertThatThrownBy(() -> c.open(fixture.context())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ConnectorError.Code.CONFIGURATION);
            assertThat(e.getMessage()).doesNotContain("wrong");
        });
    }

    private ExportChange.Add add(String name) {
        return new ExportChange.Add("user", fixture.userDn(name), fixture.userAttributes(name));
    }
}
