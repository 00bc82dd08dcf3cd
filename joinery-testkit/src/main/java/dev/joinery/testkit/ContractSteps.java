package dev.joinery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The steps and checks {@link ConnectorContractTest} is written in, kept apart so the suite reads as a list of
 * behaviours. Not thread-safe.
 */
final class ContractSteps {
    private final ConnectorFixture fixture;

    ContractSteps(ConnectorFixture fixture) {
        this.fixture = fixture;
    }

    /** An object the suite wrote, as it wrote it. */
    record Created(Anchor anchor, String objectType, String dn, Map<String, List<AttributeValue>> attributes) {
        Created(Anchor anchor, ExportChange.Add add) {
            this(anchor, add.objectType(), add.dn(), add.attributes());
        }

        Created withText(ConnectorFixture fixture, String value) {
            Map<String, List<AttributeValue>> changed = caseInsensitive(attributes);
            changed.put(fixture.textAttribute(), List.of(AttributeValue.text(value)));
            return new Created(anchor, objectType, dn, changed);
        }

        Created movedTo(String newDn) {
            return new Created(anchor, objectType, newDn, attributes);
        }
    }

    /** What a full import sent and returned. */
    record Imported(RecordingSink sink, Watermark watermark) {}

    ConnectorFixture fixture() {
        return fixture;
    }

    /** The connector as {@code type}; skips the test when it lacks that capability. */
    <T> T capability(Class<T> type) {
        assumeTrue(type.isInstance(fixture.connector()), () -> "the connector has no " + type.getSimpleName());
        return type.cast(fixture.connector());
    }

    <T> T assumePresent(Optional<T> value, String what) {
        assumeTrue(value.isPresent(), () -> "the fixture has no " + what);
        return value.get();
    }

    ConnectorSchema.ObjectType type(ConnectorSchema schema, String name) {
        return schema.objectType(name)
                .orElseThrow(() -> new AssertionError("the schema has no object type " + name + ": "
                        + schema.objectTypes().stream()
                                .map(ConnectorSchema.ObjectType::name)
                                .toList()));
    }

    /** A mutable map, keys ignoring case, holding one attribute. */
    Map<String, List<AttributeValue>> with(String attribute, AttributeValue value) {
        Map<String, List<AttributeValue>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.put(attribute, List.of(value));
        return map;
    }

    Created createUser(String name, String displayName) {
        return createUser(name, with(fixture.textAttribute(), AttributeValue.text(displayName)));
    }

    /** Creates a user through the backdoor, with the fixture's attributes for {@code name} and {@code extra}. */
    Created createUser(String name, Map<String, List<AttributeValue>> extra) {
        Map<String, List<AttributeValue>> attributes = caseInsensitive(fixture.userAttributes(name));
        attributes.putAll(extra);
        String dn = fixture.userDn(name);
        return new Created(fixture.create(fixture.userType(), dn, attributes), fixture.userType(), dn, attributes);
    }

    /** Creates a group through the backdoor, with {@code members} by DN. */
    Created createGroup(String name, Created... members) {
        Map<String, List<AttributeValue>> attributes = caseInsensitive(fixture.groupAttributes(name));
        List<AttributeValue> dns = new ArrayList<>();
        for (Created m : members) {
            dns.add(AttributeValue.reference(m.dn()));
        }
        attributes.put(fixture.memberAttribute(), dns);
        String dn = fixture.groupDn(name);
        return new Created(fixture.create(fixture.groupType(), dn, attributes), fixture.groupType(), dn, attributes);
    }

    /** An export that adds a user called {@code name}. */
    ExportChange.Add addUser(String name, String displayName) {
        Map<String, List<AttributeValue>> attributes = caseInsensitive(fixture.userAttributes(name));
        attributes.put(fixture.textAttribute(), List.of(AttributeValue.text(displayName)));
        return new ExportChange.Add(fixture.userType(), fixture.userDn(name), attributes);
    }

    AttributeChange replaceText(String value) {
        return AttributeChange.replace(fixture.textAttribute(), List.of(AttributeValue.text(value)));
    }

    Imported fullImport() {
        RecordingSink sink = new RecordingSink();
        Watermark watermark = capability(FullImport.class).fullImport(sink);
        return new Imported(sink, watermark);
    }

    RecordingSink deltaImport(Watermark since) {
        RecordingSink sink = new RecordingSink();
        capability(DeltaImport.class).deltaImport(since, sink);
        return sink;
    }

    ExportResult exportOne(ExportChange change) {
        List<ExportResult> results = capability(Export.class).export(List.of(change));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    void assertApplied(ExportResult result) {
        assertThat(result.isApplied()).as("applied, not %s", result.error()).isTrue();
    }

    ConnectorObject readBack(Created created) {
        return readBack(created.anchor());
    }

    ConnectorObject readBack(Anchor anchor) {
        return fixture.read(anchor).orElseThrow(() -> new AssertionError("the directory has no " + anchor));
    }

    /** The members of a group as the directory holds them, as DNs in lower case. */
    List<String> membersOf(Created group) {
        return readBack(group).values(fixture.memberAttribute()).stream()
                .map(v -> key(v.toString()))
                .toList();
    }

    /** A DN as the suite compares DNs: ignoring case. */
    String key(String dn) {
        return dn.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code actual} is {@code expected}: same anchor, type and DN (ignoring case), and every attribute the
     * suite wrote holds the values it wrote, in any order, references compared ignoring case. A directory may
     * add attributes of its own (objectClass, whenCreated).
     */
    void assertHolds(ConnectorObject actual, Created expected) {
        assertThat(actual.anchor()).isEqualTo(expected.anchor());
        assertThat(actual.objectType()).isEqualToIgnoringCase(expected.objectType());
        assertThat(actual.dn()).isEqualToIgnoringCase(expected.dn());
        expected.attributes().forEach((name, values) -> assertThat(comparable(actual.values(name)))
                .as("%s of %s", name, expected.dn())
                .containsExactlyInAnyOrderElementsOf(comparable(values)));
    }

    void assertUpsertHolds(ImportChange change, Created expected) {
        assertThat(change.kind()).isEqualTo(ImportChange.Kind.UPSERT);
        assertHolds(change.object(), expected);
    }

    private List<AttributeValue> comparable(List<AttributeValue> values) {
        return values.stream()
                .map(v -> v instanceof AttributeValue.Reference r ? AttributeValue.reference(key(r.dn())) : v)
                .toList();
    }

    private static Map<String, List<AttributeValue>> caseInsensitive(Map<String, List<AttributeValue>> attributes) {
        Map<String, List<AttributeValue>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(attributes);
        return copy;
    }
}
