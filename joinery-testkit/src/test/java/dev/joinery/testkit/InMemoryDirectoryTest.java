package dev.joinery.testkit;

import static dev.joinery.connector.spi.AttributeValue.reference;
import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryDirectoryTest {
    private static final String ALICE = "CN=Alice,OU=People,DC=example,DC=com";
    private static final String BOB = "CN=Bob,OU=People,DC=example,DC=com";

    private InMemoryDirectory directory = InMemoryDirectory.create();

    @AfterEach
    void indexesAgreeWithTheObjects() {
        directory.checkInvariants();
    }

    @Test
    void addGivesSequentialGuidLikeAnchorsAndLogsEachAdd() {
        ConnectorObject alice = directory.add("user", ALICE, Map.of("displayName", List.of(text("Alice"))));
        ConnectorObject bob = directory.add("user", BOB, Map.of());

        assertThat(alice.anchor()).isEqualTo(Anchor.of("00000000-0000-4000-8000-000000000001"));
        assertThat(bob.anchor()).isEqualTo(Anchor.of("00000000-0000-4000-8000-000000000002"));
        assertThat(directory.changesSince(0))
                .extracting(DirectoryChange::sequence, DirectoryChange::kind, DirectoryChange::dn)
                .containsExactly(tuple(1L, DirectoryChange.Kind.ADD, ALICE), tuple(2L, DirectoryChange.Kind.ADD, BOB));
        assertThat(directory.size()).isEqualTo(2);
        assertThat(directory.sequence()).isEqualTo(2);
    }

    @Test
    void anchorsComeFromTheInjectedSupplierWhichMustNotRepeat() {
        directory =
                InMemoryDirectory.builder().anchors(() -> Anchor.of("fixed")).build();
        directory.add("user", ALICE, Map.of());

        assertThat(directory.findByDn(ALICE)).map(ConnectorObject::anchor).contains(Anchor.of("fixed"));
        assertThatThrownBy(() -> directory.add("user", BOB, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("repeated fixed");
    }

    @Test
    void aDnIsUniqueIgnoringCase() {
        directory.add("user", ALICE, Map.of());

        assertThatThrownBy(() -> directory.add("group", ALICE.toLowerCase(Locale.ROOT), Map.of()))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ConnectorError.Code.CONFLICT));
        assertThat(directory.findByDn("cn=ALICE,ou=people,dc=EXAMPLE,dc=com")).isPresent();
        assertThat(directory.size()).isEqualTo(1);
    }

    @Test
    void modifyIsPermissiveAboutValuesThatAreThereOrNot() {
        Anchor group = directory
                .add("group", "CN=Staff", Map.of("member", List.of(reference(ALICE))))
                .anchor();

        ConnectorObject after = directory.modify(
                group,
                List.of(
                        AttributeChange.add("member", List.of(reference(ALICE), reference(BOB))),
                        AttributeChange.delete("member", List.of(reference("CN=Nobody")))));

        assertThat(after.values("member")).containsExactly(reference(ALICE), reference(BOB));
    }

    @Test
    void aModifyThatChangesNothingIsNotLogged() {
        Anchor alice = directory
                .add("user", ALICE, Map.of("mail", List.of(text("a@example.com"))))
                .anchor();

        directory.modify(alice, List.of(AttributeChange.add("MAIL", List.of(text("a@example.com")))));
        directory.modify(alice, List.of(AttributeChange.clear("description")));

        assertThat(directory.sequence()).isEqualTo(1);
    }

    @Test
    void replaceSetsTheValuesAndClearRemovesTheAttribute() {
        Anchor alice = directory
                .add("user", ALICE, Map.of("proxyAddresses", List.of(text("SMTP:a@x"), text("smtp:b@x"))))
                .anchor();

        ConnectorObject replaced =
                directory.modify(alice, List.of(AttributeChange.replace("proxyAddresses", List.of(text("SMTP:c@x")))));
        ConnectorObject cleared = directory.modify(alice, List.of(AttributeChange.clear("proxyaddresses")));

        assertThat(replaced.values("proxyAddresses")).containsExactly(text("SMTP:c@x"));
        assertThat(cleared.attributes()).isEmpty();
    }

    @Test
    void valuesAreASetInTheOrderGivenAndNamesIgnoreCase() {
        ConnectorObject alice = directory.add(
                "user", ALICE, Map.of("proxyAddresses", List.of(text("smtp:b@x"), text("SMTP:a@x"), text("smtp:b@x"))));

        assertThat(alice.values("PROXYADDRESSES")).containsExactly(text("smtp:b@x"), text("SMTP:a@x"));
    }

    @Test
    void renameKeepsTheAnchorAndFreesTheOldDn() {
        Anchor alice = directory.add("user", ALICE, Map.of()).anchor();
        String moved = "CN=Alice,OU=Leavers,DC=example,DC=com";

        ConnectorObject renamed = directory.rename(alice, moved);
        directory.add("user", ALICE, Map.of());

        assertThat(renamed.anchor()).isEqualTo(alice);
        assertThat(directory.get(alice)).map(ConnectorObject::dn).contains(moved);
        assertThat(directory.changesSince(1))
                .extracting(DirectoryChange::kind)
                .containsExactly(DirectoryChange.Kind.RENAME, DirectoryChange.Kind.ADD);
    }

    @Test
    void renameOntoAnotherObjectsDnConflictsButAChangeOfCaseIsARename() {
        Anchor alice = directory.add("user", ALICE, Map.of()).anchor();
        directory.add("user", BOB, Map.of());

        assertThatThrownBy(() -> directory.rename(alice, BOB.toUpperCase(Locale.ROOT)))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ConnectorError.Code.CONFLICT));
        assertThat(directory
                        .rename(alice, "cn=alice,OU=People,DC=example,DC=com")
                        .dn())
                .isEqualTo("cn=alice,OU=People,DC=example,DC=com");
    }

    @Test
    void anAbsentAnchorIsNotFound() {
        Anchor gone = directory.add("user", ALICE, Map.of()).anchor();
        directory.delete(gone);

        List<Callable<?>> calls = List.of(
                () -> directory.delete(gone),
                () -> directory.rename(gone, BOB),
                () -> directory.modify(gone, List.of(AttributeChange.clear("mail"))));

        for (Callable<?> call : calls) {
            assertThatThrownBy(call::call).isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code())
                    .isEqualTo(ConnectorError.Code.NOT_FOUND));
        }
        assertThat(directory.get(gone)).isEmpty();
        assertThat(directory.findByDn(ALICE)).isEmpty();
    }

    @Test
    void uniqueValuesConflictIgnoringCaseAndNameTheAttribute() {
        directory = InMemoryDirectory.builder()
                .uniqueAttributes("proxyAddresses", "userPrincipalName")
                .build();
        Anchor alice = directory
                .add("user", ALICE, Map.of("proxyAddresses", List.of(text("SMTP:alice@example.com"))))
                .anchor();
        Anchor bob = directory.add("user", BOB, Map.of()).anchor();

        assertThatThrownBy(() -> directory.modify(
                        bob, List.of(AttributeChange.add("proxyAddresses", List.of(text("smtp:ALICE@example.com"))))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ConnectorError.Code.CONFLICT);
                    assertThat(e.error().attribute()).isEqualToIgnoringCase("proxyAddresses");
                });
        assertThat(directory
                        .modify(
                                alice,
                                List.of(AttributeChange.add("proxyAddresses", List.of(text("smtp:a2@example.com")))))
                        .values("proxyAddresses"))
                .hasSize(2);
        directory.delete(alice);
        assertThat(directory
                        .modify(
                                bob,
                                List.of(AttributeChange.add("proxyAddresses", List.of(text("SMTP:alice@example.com")))))
                        .values("proxyAddresses"))
                .containsExactly(text("SMTP:alice@example.com"));
    }

    @Test
    void aTrimmedChangeLogRefusesToReplayFromBeforeTheTrim() {
        Anchor alice = directory.add("user", ALICE, Map.of()).anchor();
        directory.rename(alice, BOB);
        directory.delete(alice);

        directory.trimChangeLog(2);

        assertThat(directory.changesSince(2))
                .extracting(DirectoryChange::kind)
                .containsExactly(DirectoryChange.Kind.DELETE);
        assertThatThrownBy(() -> directory.changesSince(1)).hasMessageContaining("trimmed");
    }

    @Test
    void concurrentWritersGetDistinctAnchorsAndAnUnbrokenChangeLog() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        Anchor a = directory
                                .add("user", "CN=u" + thread + "-" + i, Map.of())
                                .anchor();
                        directory.modify(
                                a, List.of(AttributeChange.replace("description", List.<AttributeValue>of(text("x")))));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(directory.size()).isEqualTo(1000);
        assertThat(directory.objects()).extracting(ConnectorObject::anchor).doesNotHaveDuplicates();
        assertThat(directory.changesSince(0)).hasSize(2000);
    }
}
