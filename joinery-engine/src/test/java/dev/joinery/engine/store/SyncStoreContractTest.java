package dev.joinery.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.engine.model.Contributor;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.Link;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvAttribute;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.model.RunCounts;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.rules.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link SyncStore} and {@link SyncTransaction} contract, for every implementation: a subclass supplies a new,
 * empty store and, for a persistent one, a way to open it again after {@link SyncStore#close()}.
 */
public abstract class SyncStoreContractTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    protected SyncStore store;

    /** A new, empty store. */
    protected abstract SyncStore createStore();

    /** The same store opened again after close, or null when the store does not persist. */
    protected SyncStore reopenStore() {
        return null;
    }

    @BeforeEach
    void open() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---- helpers ----

    private void write(Consumer<SyncTransaction> writes) {
        try (SyncTransaction tx = store.begin()) {
            writes.accept(tx);
            tx.commit();
        }
    }

    private <T> T read(Function<SyncTransaction, T> reads) {
        try (SyncTransaction tx = store.begin()) {
            return reads.apply(tx);
        }
    }

    private static Map<String, List<AttributeValue>> attrs(Object... pairs) {
        Map<String, List<AttributeValue>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            map.put((String) pairs[i], v instanceof AttributeValue a ? List.of(a) : castList(v));
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static List<AttributeValue> castList(Object v) {
        return (List<AttributeValue>) v;
    }

    private static CsObject cs(String connector, String dn, String anchor, Map<String, List<AttributeValue>> a) {
        return CsObject.imported(UUID.randomUUID(), connector, Anchor.of(anchor), dn, "user", a);
    }

    private static MvObject mv(String type, Object... pairs) {
        Map<String, MvAttribute> map = new java.util.LinkedHashMap<>();
        attrs(pairs).forEach((k, v) -> map.put(k, new MvAttribute(v, new Contributor("rule", "AD", Anchor.of("a")))));
        return new MvObject(UUID.randomUUID(), type, map);
    }

    private static Link link(UUID mvId) {
        return new Link(mvId, "In from AD", Direction.INBOUND, LinkKind.PROJECTED);
    }

    private static PendingExport add(CsObject target, String mail) {
        return new PendingExport(
                target.connector(),
                target.id(),
                null,
                target.dn(),
                "user",
                PendingExport.Kind.ADD,
                null,
                List.of(AttributeChange.add("mail", List.of(AttributeValue.text(mail)))),
                0,
                null);
    }

    private static RunRecord run(String connector, Instant start) {
        return new RunRecord(
                UUID.randomUUID(),
                RunStep.FULL_SYNC,
                connector,
                start,
                null,
                RunStatus.IN_PROGRESS,
                RunCounts.ZERO,
                null);
    }

    // ---- connector space ----

    @Test
    void connectorSpaceObjectsAreFoundByIdAnchorAndDnIgnoringCase() {
        CsObject o = cs("AD", "CN=Ann,OU=Users,DC=x", "a1", attrs("mail", AttributeValue.text("ann@x")));
        write(tx -> tx.putCs(o));

        read(tx -> {
            assertThat(tx.cs(o.id())).contains(o);
            assertThat(tx.csByAnchor("AD", Anchor.of("a1"))).contains(o);
            assertThat(tx.csByAnchor("AD", Anchor.of("A1"))).isEmpty();
            assertThat(tx.csByDn("AD", "cn=ANN,ou=users,dc=X")).contains(o);
            assertThat(tx.csByDn("other", "CN=Ann,OU=Users,DC=x")).isEmpty();
            assertThat(tx.cs(UUID.randomUUID())).isEmpty();
            return null;
        });
    }

    @Test
    void everyFieldOfEveryRecordSurvivesTheStore() {
        UUID mvId = UUID.randomUUID();
        byte[] photo = {0, 1, 2, (byte) 0xff};
        CsObject o = new CsObject(
                UUID.randomUUID(),
                "AD",
                Anchor.of("a1"),
                "CN=Änne Ünicode,DC=x",
                "user",
                attrs(
                        "text", AttributeValue.text("Ä ß 漢字"),
                        "int", AttributeValue.integer(-42),
                        "bool", AttributeValue.bool(true),
                        "bin", AttributeValue.binary(photo),
                        "ref", AttributeValue.reference("CN=Boss,DC=x"),
                        "when", AttributeValue.timestamp(Instant.parse("2024-02-29T12:34:56.123456789Z")),
                        "multi", List.of(AttributeValue.text("a"), AttributeValue.text("b"))),
                new Link(mvId, "Out to cloud", Direction.OUTBOUND, LinkKind.PROVISIONED),
                PendingImport.UPDATE,
                attrs("mail", AttributeValue.text("exported@x")),
                attrs("proxyAddresses", AttributeValue.text("smtp:dup@x")));
        MvObject m = new MvObject(
                mvId,
                "person",
                Map.of(
                        "mail",
                        new MvAttribute(List.of(AttributeValue.text("m@x")), new Contributor("r", "AD", null)),
                        "manager",
                        new MvAttribute(
                                List.of(AttributeValue.reference(
                                        UUID.randomUUID().toString())),
                                new Contributor("r2", "HR", Anchor.of("h1")))));
        PendingExport p = new PendingExport(
                "AD",
                o.id(),
                Anchor.of("a1"),
                o.dn(),
                "user",
                PendingExport.Kind.UPDATE,
                "CN=New,DC=x",
                List.of(
                        AttributeChange.replace("title", List.of(AttributeValue.text("Boss"))),
                        AttributeChange.clear("department"),
                        AttributeChange.delete("member", List.of(AttributeValue.reference("CN=G,DC=x")))),
                3,
                ConnectorError.onAttribute(ConnectorError.Code.CONFLICT, "mail", "taken"));
        RunRecord r = new RunRecord(
                UUID.randomUUID(),
                RunStep.EXPORT,
                "AD",
                T0,
                T0.plusSeconds(5),
                RunStatus.COMPLETED_WITH_ERRORS,
                new RunCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                "done");
        ObjectError e =
                new ObjectError(r.id(), ErrorCode.EXPORT_FAILED, "refused", "AD", o.id(), o.dn(), mvId, "rule", "mail");
        ObjectError bare = new ObjectError(r.id(), ErrorCode.IMPORT_FAILED, "down", null, null, null, null, null, null);
        write(tx -> {
            tx.putMv(m);
            tx.putCs(o);
            tx.putPendingExport(p);
            tx.putRun(r);
            tx.addError(e);
            tx.addError(bare);
        });

        read(tx -> {
            assertThat(tx.cs(o.id())).contains(o);
            assertThat(tx.mv(mvId)).contains(m);
            assertThat(tx.pendingExport(o.id())).contains(p);
            assertThat(tx.run(r.id())).contains(r);
            assertThat(tx.errors(r.id())).containsExactly(e, bare);
            return null;
        });
    }

    @Test
    void connectorSpaceListsKeepCreationOrderAndAReplacementKeepsItsPlace() {
        CsObject a = cs("AD", "CN=A,DC=x", "a", Map.of());
        CsObject b = cs("AD", "CN=B,DC=x", "b", Map.of());
        CsObject c = cs("AD", "CN=C,DC=x", "c", Map.of());
        CsObject other = cs("HR", "CN=A,DC=x", "a", Map.of());
        write(tx -> List.of(a, b, other, c).forEach(tx::putCs));
        write(tx -> tx.putCs(a.withDn("CN=A2,DC=x").withPendingImport(PendingImport.NONE)));

        read(tx -> {
            assertThat(tx.csIds("AD")).containsExactly(a.id(), b.id(), c.id());
            assertThat(tx.csCount("AD")).isEqualTo(3);
            assertThat(tx.csCount("HR")).isEqualTo(1);
            assertThat(tx.csCount("none")).isZero();
            assertThat(tx.pendingImports("AD")).containsExactly(b.id(), c.id());
            assertThat(tx.csByDn("AD", "CN=A,DC=x")).isEmpty();
            return null;
        });
    }

    @Test
    void pendingImportsListEveryKindButNone() {
        CsObject add = cs("AD", "CN=A,DC=x", "a", Map.of());
        CsObject none = cs("AD", "CN=B,DC=x", "b", Map.of()).withPendingImport(PendingImport.NONE);
        CsObject update = cs("AD", "CN=C,DC=x", "c", Map.of()).withPendingImport(PendingImport.UPDATE);
        CsObject delete = cs("AD", "CN=D,DC=x", "d", Map.of()).withPendingImport(PendingImport.DELETE);
        write(tx -> List.of(add, none, update, delete).forEach(tx::putCs));

        assertThat(this.<List<UUID>>read(tx -> tx.pendingImports("AD")))
                .containsExactly(add.id(), update.id(), delete.id());
    }

    @Test
    void anchorsAndDnsAreUniquePerConnectorIgnoringCaseOfTheDn() {
        CsObject a = cs("AD", "CN=A,DC=x", "a1", Map.of());
        write(tx -> tx.putCs(a));

        try (SyncTransaction tx = store.begin()) {
            assertThatThrownBy(() -> tx.putCs(cs("AD", "cn=a,dc=X", "a2", Map.of())))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> tx.putCs(cs("AD", "CN=B,DC=x", "a1", Map.of())))
                    .isInstanceOf(IllegalStateException.class);
            tx.putCs(cs("HR", "CN=A,DC=x", "a1", Map.of()));
            tx.putCs(a.withDn("cn=a,dc=x"));
            tx.commit();
        }
        assertThat(this.<String>read(
                        tx -> tx.csByDn("AD", "CN=A,DC=X").orElseThrow().dn()))
                .isEqualTo("cn=a,dc=x");
    }

    @Test
    void aProvisionedObjectWithoutAnchorIsStoredAndLaterGetsOne() {
        UUID mvId = UUID.randomUUID();
        CsObject p1 = CsObject.provisioned(UUID.randomUUID(), "cloud", "CN=P1", "user", link(mvId));
        CsObject p2 = CsObject.provisioned(UUID.randomUUID(), "cloud", "CN=P2", "user", link(mvId));
        write(tx -> {
            tx.putMv(new MvObject(mvId, "person", Map.of()));
            tx.putCs(p1);
            tx.putCs(p2);
        });
        write(tx -> tx.putCs(p1.withAnchor(Anchor.of("id-1"))));

        read(tx -> {
            assertThat(tx.csByAnchor("cloud", Anchor.of("id-1")).map(CsObject::id))
                    .contains(p1.id());
            assertThat(tx.csLinkedTo(mvId)).containsExactly(p1.id(), p2.id());
            return null;
        });
    }

    @Test
    void linksAreIndexedAndFollowReplacementAndRemoval() {
        UUID mv1 = UUID.randomUUID();
        UUID mv2 = UUID.randomUUID();
        CsObject a = cs("AD", "CN=A,DC=x", "a", Map.of()).withLink(link(mv1));
        CsObject b = cs("HR", "CN=B,DC=x", "b", Map.of()).withLink(link(mv1));
        write(tx -> {
            tx.putMv(new MvObject(mv1, "person", Map.of()));
            tx.putMv(new MvObject(mv2, "person", Map.of()));
            tx.putCs(a);
            tx.putCs(b);
        });
        write(tx -> {
            tx.putCs(a.withLink(link(mv2)));
            tx.removeCs(b.id());
            tx.removeCs(UUID.randomUUID());
        });

        read(tx -> {
            assertThat(tx.csLinkedTo(mv1)).isEmpty();
            assertThat(tx.csLinkedTo(mv2)).containsExactly(a.id());
            assertThat(tx.cs(b.id())).isEmpty();
            return null;
        });
    }

    @Test
    void referencesAreFoundByTargetDnIgnoringCaseWithinTheConnector() {
        CsObject g1 = cs("AD", "CN=G1,DC=x", "g1", attrs("member", AttributeValue.reference("CN=Late,DC=x")));
        CsObject g2 = cs(
                "AD",
                "CN=G2,DC=x",
                "g2",
                attrs(
                        "member",
                        List.of(AttributeValue.reference("cn=late,dc=x"), AttributeValue.reference("CN=LATE,DC=X"))));
        CsObject other = cs("HR", "CN=G1,DC=x", "g1", attrs("member", AttributeValue.reference("CN=Late,DC=x")));
        CsObject text = cs("AD", "CN=T,DC=x", "t", attrs("member", AttributeValue.text("CN=Late,DC=x")));
        write(tx -> List.of(g1, g2, other, text).forEach(tx::putCs));

        assertThat(this.<List<UUID>>read(tx -> tx.csReferencing("AD", "CN=late,DC=x")))
                .containsExactly(g1.id(), g2.id());

        write(tx -> tx.putCs(g1.withAttributes(Map.of())));
        write(tx -> tx.removeCs(g2.id()));
        assertThat(this.<List<UUID>>read(tx -> tx.csReferencing("AD", "CN=Late,DC=x")))
                .isEmpty();
    }

    static Stream<Arguments> matches() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        return Stream.of(
                Arguments.of(AttributeValue.text("Ann@X"), AttributeValue.text("ann@x"), true),
                Arguments.of(AttributeValue.text("ÄNNE"), AttributeValue.text("änne"), true),
                Arguments.of(AttributeValue.text("Straße"), AttributeValue.text("STRASSE"), false),
                Arguments.of(AttributeValue.text("ann"), AttributeValue.text("ann "), false),
                Arguments.of(AttributeValue.reference("CN=A,DC=x"), AttributeValue.reference("cn=a,dc=X"), true),
                Arguments.of(AttributeValue.text("CN=A,DC=x"), AttributeValue.reference("CN=A,DC=x"), false),
                Arguments.of(AttributeValue.integer(42), AttributeValue.integer(42), true),
                Arguments.of(AttributeValue.integer(42), AttributeValue.text("42"), false),
                Arguments.of(AttributeValue.integer(42), AttributeValue.integer(43), false),
                Arguments.of(AttributeValue.bool(true), AttributeValue.bool(true), true),
                Arguments.of(AttributeValue.bool(true), AttributeValue.text("TRUE"), false),
                Arguments.of(AttributeValue.timestamp(t), AttributeValue.timestamp(t), true),
                Arguments.of(AttributeValue.timestamp(t), AttributeValue.timestamp(t.plusNanos(1)), false),
                Arguments.of(AttributeValue.binary(new byte[] {1, 2}), AttributeValue.binary(new byte[] {1, 2}), true),
                Arguments.of(AttributeValue.binary(new byte[] {'a'}), AttributeValue.binary(new byte[] {'A'}), false),
                Arguments.of(AttributeValue.binary(new byte[] {1, 2}), AttributeValue.text("AQI="), false),
                Arguments.of(AttributeValue.text("x".repeat(5000)), AttributeValue.text("X".repeat(5000)), true),
                Arguments.of(AttributeValue.text("x".repeat(5000)), AttributeValue.text("x".repeat(4999)), false));
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @MethodSource("matches")
    void connectorSpaceValueLookupsMatchTextAndReferencesIgnoringCaseAndTheRestExactly(
            AttributeValue stored, AttributeValue asked, boolean found) {
        CsObject o = cs("AD", "CN=A,DC=x", "a", attrs("employeeID", stored));
        write(tx -> tx.putCs(o));

        assertThat(this.<List<UUID>>read(tx -> tx.findCs("AD", "EMPLOYEEid", asked)))
                .isEqualTo(found ? List.of(o.id()) : List.of());
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @MethodSource("matches")
    void metaverseValueLookupsMatchTextAndReferencesIgnoringCaseAndTheRestExactly(
            AttributeValue stored, AttributeValue asked, boolean found) {
        MvObject m = mv("person", "employeeID", stored);
        write(tx -> tx.putMv(m));

        assertThat(this.<List<UUID>>read(tx -> tx.findMv("person", "EMPLOYEEid", asked)))
                .isEqualTo(found ? List.of(m.id()) : List.of());
    }

    @Test
    void connectorSpaceValueLookupsAreInCreationOrderPerConnectorAndFollowWrites() {
        AttributeValue v = AttributeValue.text("Same");
        CsObject a = cs("AD", "CN=A,DC=x", "a", attrs("mail", v));
        CsObject b = cs("AD", "CN=B,DC=x", "b", attrs("mail", List.of(AttributeValue.text("same"), v)));
        CsObject hr = cs("HR", "CN=C,DC=x", "c", attrs("mail", v));
        CsObject other = cs("AD", "CN=D,DC=x", "d", attrs("other", v));
        write(tx -> List.of(a, b, hr, other).forEach(tx::putCs));

        try (SyncTransaction tx = store.begin()) {
            assertThat(tx.findCs("AD", "mail", v)).containsExactly(a.id(), b.id());
            CsObject late = cs("AD", "CN=E,DC=x", "e", attrs("MAIL", v));
            tx.putCs(late);
            tx.putCs(a.withAttributes(attrs("mail", AttributeValue.text("changed"))));
            assertThat(tx.findCs("AD", "mail", v)).containsExactly(b.id(), late.id());
            tx.putCs(a.withAttributes(attrs("mail", v)));
            tx.removeCs(b.id());
            assertThat(tx.findCs("AD", "mail", v)).containsExactly(a.id(), late.id());
            tx.commit();
        }
        assertThat(this.<List<UUID>>read(tx -> tx.findCs("HR", "mail", v))).containsExactly(hr.id());
    }

    @Test
    void metaverseObjectsAreStoredReplacedFoundByTypeAndRemoved() {
        MvObject ann = mv("person", "mail", AttributeValue.text("Ann@X"));
        MvObject group = mv("group", "mail", AttributeValue.text("ann@x"));
        MvObject bob = mv("person", "mail", AttributeValue.text("ANN@x"));
        write(tx -> List.of(ann, group, bob).forEach(tx::putMv));

        read(tx -> {
            assertThat(tx.mvCount()).isEqualTo(3);
            assertThat(tx.findMv(null, "mail", AttributeValue.text("ann@x")))
                    .containsExactly(ann.id(), group.id(), bob.id());
            assertThat(tx.findMv("person", "Mail", AttributeValue.text("ann@x")))
                    .containsExactly(ann.id(), bob.id());
            assertThat(tx.findMv("device", "mail", AttributeValue.text("ann@x")))
                    .isEmpty();
            return null;
        });
        write(tx -> {
            tx.putMv(ann.withAttributes(Map.of()));
            tx.removeMv(group.id());
            tx.removeMv(UUID.randomUUID());
        });
        read(tx -> {
            assertThat(tx.mvCount()).isEqualTo(2);
            assertThat(tx.mv(ann.id()).orElseThrow().attributes()).isEmpty();
            assertThat(tx.mv(group.id())).isEmpty();
            assertThat(tx.findMv(null, "mail", AttributeValue.text("ann@x"))).containsExactly(bob.id());
            return null;
        });
    }

    @Test
    void metaverseReferencesAreIndexedByTheReferencedObjectsId() {
        MvObject target = mv("person");
        MvObject g1 = mv("group", "member", AttributeValue.reference(target.id().toString()));
        MvObject g2 = mv(
                "group",
                "member",
                List.of(AttributeValue.reference(target.id().toString()), AttributeValue.reference("not-an-id")));
        write(tx -> List.of(target, g1, g2).forEach(tx::putMv));

        assertThat(this.<List<UUID>>read(tx -> tx.mvReferencing(target.id()))).containsExactly(g1.id(), g2.id());
        write(tx -> tx.putMv(g1.withAttributes(Map.of())));
        assertThat(this.<List<UUID>>read(tx -> tx.mvReferencing(target.id()))).containsExactly(g2.id());
    }

    @Test
    void aMetaverseObjectWithLinkedObjectsIsNotRemoved() {
        MvObject m = mv("person");
        write(tx -> {
            tx.putMv(m);
            tx.putCs(cs("AD", "CN=A,DC=x", "a", Map.of()).withLink(link(m.id())));
        });

        try (SyncTransaction tx = store.begin()) {
            assertThatThrownBy(() -> tx.removeMv(m.id())).isInstanceOf(IllegalStateException.class);
        }
        assertThat(this.<java.util.Optional<MvObject>>read(tx -> tx.mv(m.id()))).isPresent();
    }

    // ---- pending exports ----

    @Test
    void pendingExportsKeepTheOrderFirstStagedAndAReplacementKeepsItsPlace() {
        CsObject a = cs("cloud", "CN=A", "a", Map.of());
        CsObject b = cs("cloud", "CN=B", "b", Map.of());
        CsObject c = cs("cloud", "CN=C", "c", Map.of());
        write(tx -> {
            List.of(a, b, c).forEach(tx::putCs);
            tx.putPendingExport(add(a, "1"));
            tx.putPendingExport(add(b, "1"));
            tx.putPendingExport(add(c, "1"));
        });
        PendingExport replaced = add(a, "2").failed(ConnectorError.of(ConnectorError.Code.TIMEOUT, "slow"));
        write(tx -> {
            tx.putPendingExport(replaced);
            tx.removePendingExport(b.id());
            tx.removePendingExport(UUID.randomUUID());
        });

        read(tx -> {
            assertThat(tx.pendingExports("cloud")).containsExactly(replaced, add(c, "1"));
            assertThat(tx.pendingExport(a.id())).contains(replaced);
            assertThat(tx.pendingExport(b.id())).isEmpty();
            assertThat(tx.pendingExports("AD")).isEmpty();
            return null;
        });
    }

    @Test
    void aPendingExportNeedsItsObjectAndGoesWithIt() {
        CsObject a = cs("cloud", "CN=A", "a", Map.of());
        try (SyncTransaction tx = store.begin()) {
            assertThatThrownBy(() -> tx.putPendingExport(add(a, "x"))).isInstanceOf(IllegalStateException.class);
        }
        write(tx -> {
            tx.putCs(a);
            tx.putPendingExport(add(a, "x"));
        });
        write(tx -> tx.removeCs(a.id()));

        assertThat(this.<List<PendingExport>>read(tx -> tx.pendingExports("cloud")))
                .isEmpty();
    }

    // ---- watermarks, runs, errors ----

    @Test
    void aWatermarkIsNoneUntilSavedAndThenTheLastSaved() {
        assertThat(this.<Watermark>read(tx -> tx.watermark("AD"))).isEqualTo(Watermark.NONE);
        write(tx -> {
            tx.saveWatermark("AD", new Watermark("1"));
            tx.saveWatermark("AD", new Watermark("2"));
            tx.saveWatermark("HR", new Watermark("h"));
        });
        assertThat(this.<Watermark>read(tx -> tx.watermark("AD"))).isEqualTo(new Watermark("2"));
        assertThat(this.<Watermark>read(tx -> tx.watermark("HR"))).isEqualTo(new Watermark("h"));
    }

    @Test
    void runsAreReplacedByIdAndListedOldestStartFirst() {
        RunRecord late = run("AD", T0.plusSeconds(10));
        RunRecord early = run("HR", T0);
        RunRecord middle = run("AD", T0.plusSeconds(5));
        write(tx -> List.of(late, early, middle).forEach(tx::putRun));
        RunRecord ended = new RunRecord(
                middle.id(),
                middle.step(),
                "AD",
                middle.start(),
                T0.plusSeconds(6),
                RunStatus.SUCCESS,
                RunCounts.ZERO,
                null);
        write(tx -> tx.putRun(ended));

        read(tx -> {
            assertThat(tx.runs(null)).containsExactly(early, ended, late);
            assertThat(tx.runs("AD")).containsExactly(ended, late);
            assertThat(tx.run(middle.id())).contains(ended);
            assertThat(tx.run(UUID.randomUUID())).isEmpty();
            return null;
        });
    }

    @Test
    void errorsAreListedPerRunInTheOrderAdded() {
        UUID run1 = UUID.randomUUID();
        UUID run2 = UUID.randomUUID();
        List<ObjectError> first = new ArrayList<>();
        write(tx -> {
            for (int i = 0; i < 5; i++) {
                ObjectError e =
                        new ObjectError(run1, ErrorCode.EXPRESSION_ERROR, "e" + i, null, null, null, null, null, null);
                first.add(e);
                tx.addError(e);
                tx.addError(
                        new ObjectError(run2, ErrorCode.JOIN_AMBIGUOUS, "o" + i, null, null, null, null, null, null));
            }
        });
        assertThat(this.<List<ObjectError>>read(tx -> tx.errors(run1))).containsExactlyElementsOf(first);
        assertThat(this.<List<ObjectError>>read(tx -> tx.errors(UUID.randomUUID())))
                .isEmpty();
    }

    // ---- transactions ----

    @Test
    void readsInsideATransactionSeeItsOwnWrites() {
        try (SyncTransaction tx = store.begin()) {
            CsObject o = cs("AD", "CN=A,DC=x", "a", attrs("mail", AttributeValue.text("a@x")));
            tx.putCs(o);
            tx.saveWatermark("AD", new Watermark("w"));
            assertThat(tx.cs(o.id())).contains(o);
            assertThat(tx.csIds("AD")).containsExactly(o.id());
            assertThat(tx.findCs("AD", "mail", AttributeValue.text("A@X"))).containsExactly(o.id());
            assertThat(tx.watermark("AD")).isEqualTo(new Watermark("w"));
        }
    }

    @Test
    void aRolledBackOrUncommittedBatchLeavesNothingBehind() {
        CsObject kept = cs("AD", "CN=Kept,DC=x", "a1", attrs("mail", AttributeValue.text("k@x")));
        MvObject m = mv("person", "mail", AttributeValue.text("k@x"));
        RunRecord r = run("AD", T0);
        write(tx -> {
            tx.putCs(kept);
            tx.putMv(m);
            tx.putRun(r);
            tx.saveWatermark("AD", new Watermark("1"));
        });
        try (SyncTransaction tx = store.begin()) {
            CsObject gone = cs("AD", "CN=Gone,DC=x", "a2", attrs("mail", AttributeValue.text("g@x")));
            tx.putCs(gone);
            tx.putPendingExport(add(gone, "g@x"));
            tx.findCs("AD", "mail", AttributeValue.text("g@x"));
            tx.findMv(null, "department", AttributeValue.text("x"));
            tx.putCs(kept.withDn("CN=Moved,DC=x"));
            tx.removeCs(kept.id());
            tx.putMv(m.withAttributes(Map.of()));
            tx.putMv(mv("person"));
            tx.putRun(run("AD", T0.plusSeconds(1)));
            tx.addError(new ObjectError(r.id(), ErrorCode.EXPORT_FAILED, "x", null, null, null, null, null, null));
            tx.saveWatermark("AD", new Watermark("2"));
            tx.rollback();
        }
        try (SyncTransaction tx = store.begin()) {
            tx.putCs(cs("AD", "CN=Uncommitted,DC=x", "a3", Map.of()));
        }

        read(tx -> {
            assertThat(tx.csIds("AD")).containsExactly(kept.id());
            assertThat(tx.csByDn("AD", "cn=kept,dc=X")).contains(kept);
            assertThat(tx.csByDn("AD", "CN=Moved,DC=x")).isEmpty();
            assertThat(tx.findCs("AD", "mail", AttributeValue.text("g@x"))).isEmpty();
            assertThat(tx.findCs("AD", "mail", AttributeValue.text("k@x"))).containsExactly(kept.id());
            assertThat(tx.findMv(null, "mail", AttributeValue.text("k@x"))).containsExactly(m.id());
            assertThat(tx.mvCount()).isEqualTo(1);
            assertThat(tx.pendingExports("AD")).isEmpty();
            assertThat(tx.runs(null)).containsExactly(r);
            assertThat(tx.errors(r.id())).isEmpty();
            assertThat(tx.watermark("AD")).isEqualTo(new Watermark("1"));
            return null;
        });
    }

    @Test
    void onlyOneTransactionIsOpenAtATimeAndAnEndedOneRefusesWork() {
        SyncTransaction tx = store.begin();
        assertThatThrownBy(store::begin).isInstanceOf(IllegalStateException.class);
        tx.commit();
        assertThatThrownBy(() -> tx.csIds("AD")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tx.putMv(mv("person"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(tx::rollback).isInstanceOf(IllegalStateException.class);
        tx.close();
        store.begin().close();
    }

    @Test
    void closingTheStoreRollsBackTheOpenTransactionAndTwiceDoesNothing() {
        SyncTransaction tx = store.begin();
        tx.putMv(mv("person"));
        store.close();
        store.close();
    }

    @Test
    void committedDataOutlivesClosingAndReopeningTheStore() {
        CsObject o = cs("AD", "CN=A,DC=x", "a", attrs("mail", AttributeValue.text("a@x")));
        MvObject m = mv("person", "mail", AttributeValue.text("a@x"));
        write(tx -> {
            tx.putMv(m);
            tx.putCs(o.withLink(link(m.id())));
            tx.findCs("AD", "mail", AttributeValue.text("a@x"));
            tx.saveWatermark("AD", new Watermark("w1"));
        });
        SyncTransaction open = store.begin();
        open.putCs(cs("AD", "CN=Lost,DC=x", "lost", Map.of()));
        store.close();
        store.close();

        store = reopenStore();
        assumeTrue(store != null, "the store does not persist");
        CsObject later = cs("AD", "CN=B,DC=x", "b", attrs("mail", AttributeValue.text("A@x")));
        write(tx -> tx.putCs(later));
        read(tx -> {
            assertThat(tx.cs(o.id())).contains(o.withLink(link(m.id())));
            assertThat(tx.csIds("AD")).containsExactly(o.id(), later.id());
            assertThat(tx.findCs("AD", "mail", AttributeValue.text("A@X"))).containsExactly(o.id(), later.id());
            assertThat(tx.findMv("person", "mail", AttributeValue.text("A@X"))).containsExactly(m.id());
            assertThat(tx.csLinkedTo(m.id())).containsExactly(o.id());
            assertThat(tx.watermark("AD")).isEqualTo(new Watermark("w1"));
            return null;
        });
    }
}
