package dev.joinery.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Sleeper;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.testkit.RecordingSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Robustness, issue 4: "reconnect with backoff when the server restarts mid-run (the step resumes or fails
 * cleanly, never half-applied)", and failover to the next host. The server is an in-memory AD stopped and
 * started again on its port; waits between attempts go to a recording {@link Sleeper}.
 */
class ReconnectTest {
    private static final int USERS = 230;
    private InMemoryAdFixture fixture;
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = waits::add;
    private final List<Anchor> users = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fixture = new InMemoryAdFixture();
        for (int i = 0; i < USERS; i++) {
            String dn = fixture.userDn("u" + i);
            fixture.backdoor.add(new Entry(
                    dn,
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("sAMAccountName", "u" + i)));
            users.add(fixture.anchorOf(fixture.backdoor.getEntry(dn, "objectGUID")));
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private LdapConnector connector(LdapConnectorConfig.Builder builder) {
        LdapConnector c = new LdapConnector(
                fixture.config(builder)
                        .pageSize(50)
                        .retry(4, Duration.ofMillis(100))
                        .build(),
                sleeper);
        c.open(fixture.context);
        return c;
    }

    /** A sink that does {@code action} once, after the {@code n}-th change. */
    private static ImportSink after(int n, Runnable action, RecordingSink into) {
        int[] count = {0};
        return new ImportSink() {
            @Override
            public void accept(ImportChange change) {
                into.accept(change);
                if (++count[0] == n) {
                    action.run();
                }
            }

            @Override
            public void checkpoint(Watermark watermark) {
                into.checkpoint(watermark);
            }
        };
    }

    private static Set<Anchor> anchors(RecordingSink sink) {
        Set<Anchor> set = new HashSet<>();
        sink.upserts().forEach(o -> set.add(o.anchor()));
        return set;
    }

    @Test
    void aPagedFullImportResumesAfterTheServerRestartsBetweenPages() {
        RecordingSink sink = new RecordingSink();
        try (LdapConnector connector = connector(LdapConnectorConfig.builder())) {
            connector.fullImport(after(
                    75,
                    () -> {
                        fixture.ad.stop();
                        fixture.ad.restart();
                    },
                    sink));
        }

        assertThat(anchors(sink)).containsExactlyInAnyOrderElementsOf(users);
        assertThat(waits).as("backoff before the new attempt").containsExactly(Duration.ofMillis(100));
    }

    @Test
    void aFullImportFailsCleanlyWithARetriableErrorWhenTheServerStaysDown() {
        RecordingSink sink = new RecordingSink();
        try (LdapConnector connector = connector(LdapConnectorConfig.builder())) {
            assertThatThrownBy(() -> connector.fullImport(after(75, fixture.ad::stop, sink)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ConnectorError.Code.NETWORK);
                        assertThat(e.retriable()).isTrue();
                        assertThat(e.getMessage()).contains("search base=");
                    });
        }

        assertThat(waits)
                .as("exponential backoff")
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(sink.deletes()).isEmpty();
    }

    @Test
    void anExportBatchCutByARestartFailsRetriablyAndNoObjectIsHalfChanged() throws Exception {
        List<ExportChange> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new ExportChange.Modify(
                    users.get(i),
                    fixture.userDn("u" + i),
                    List.of(
                            AttributeChange.replace("displayName", List.of(AttributeValue.text("User " + i))),
                            AttributeChange.replace("description", List.of(AttributeValue.text("batch"))))));
        }
        fixture.ad.interceptor.failModify(6, fixture.ad::stop);
        try (LdapConnector connector = connector(LdapConnectorConfig.builder())) {
            assertThatThrownBy(() -> connector.export(batch)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.retriable()).isTrue();
                assertThat(e.getMessage()).contains(fixture.userDn("u5"));
            });
            fixture.ad.restart();
            fixture.backdoor.reconnect();
            for (int i = 0; i < 10; i++) {
                List<AttributeValue> name =
                        fixture.read(users.get(i)).orElseThrow().values("displayName");
                List<AttributeValue> description =
                        fixture.read(users.get(i)).orElseThrow().values("description");
                assertThat(name.isEmpty())
                        .as("u%d changed whole or not at all", i)
                        .isEqualTo(description.isEmpty());
                assertThat(name.isEmpty()).as("u%d applied", i).isEqualTo(i >= 5);
            }

            List<ExportResult> again = connector.export(batch);

            assertThat(again)
                    .allSatisfy(
                            r -> assertThat(r.isApplied()).as("%s", r.error()).isTrue());
            assertThat(fixture.read(users.get(9)).orElseThrow().values("displayName"))
                    .containsExactly(AttributeValue.text("User 9"));
        }
    }

    @Test
    void theNextHostServesWhenTheFirstIsDown() throws IOException {
        int down;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = s.getLocalPort();
        }
        RecordingSink sink = new RecordingSink();

        try (LdapConnector connector = connector(LdapConnectorConfig.builder().host("127.0.0.1:" + down))) {
            connector.fullImport(sink);
        }

        assertThat(anchors(sink)).containsExactlyInAnyOrderElementsOf(users);
    }
}
