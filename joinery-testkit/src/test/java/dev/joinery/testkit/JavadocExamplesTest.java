package dev.joinery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the examples of the class documentation, and fails when an example and its copy here drift apart
 * (compared ignoring whitespace), so the docs cannot rot.
 */
class JavadocExamplesTest {

    @Test
    void fakeClockExampleRuns() throws IOException {
        // example FakeClock
        FakeClock clock = FakeClock.at(Instant.parse("2025-01-01T00:00:00Z"));
        clock.advance(Duration.ofDays(2));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-03T00:00:00Z"));
        // end

        assertExampleIsTheJavadocOf("FakeClock");
    }

    @Test
    void inMemoryDirectoryExampleRuns() throws IOException {
        // example InMemoryDirectory
        InMemoryDirectory directory =
                InMemoryDirectory.builder().uniqueAttributes("proxyAddresses").build();
        ConnectorObject alice = directory.add(
                "user",
                "CN=Alice,OU=People,DC=example,DC=com",
                Map.of("displayName", List.of(AttributeValue.text("Alice"))));
        directory.rename(alice.anchor(), "CN=Alice Smith,OU=People,DC=example,DC=com");
        assertThat(directory.changesSince(0))
                .extracting(DirectoryChange::kind)
                .containsExactly(DirectoryChange.Kind.ADD, DirectoryChange.Kind.RENAME);
        // end

        assertExampleIsTheJavadocOf("InMemoryDirectory");
    }

    @Test
    void inMemoryConnectorExampleRuns() throws IOException {
        // example InMemoryConnector
        InMemoryDirectory directory = InMemoryDirectory.create();
        InMemoryConnector connector = InMemoryConnector.builder(directory)
                .schema(TestSchemas.usersAndGroups())
                .build();
        connector.open(TestConnectorContext.of(FakeClock.create()));
        connector.faults().set(Operation.EXPORT_ADD, Fault.next(1, BreakMode.THROTTLED));
        List<ExportResult> results = connector.export(List.of(
                new ExportChange.Add("user", "CN=Bob,DC=example,DC=com", Map.of()),
                new ExportChange.Add("user", "CN=Carol,DC=example,DC=com", Map.of())));
        assertThat(results).extracting(ExportResult::isApplied).containsExactly(false, true);
        // end

        assertExampleIsTheJavadocOf("InMemoryConnector");
    }

    @Test
    void faultPlanExampleRuns() throws IOException {
        InMemoryDirectory directory = InMemoryDirectory.create();
        for (int i = 0; i < 8; i++) {
            directory.add("user", "CN=u" + i, Map.of());
        }
        InMemoryConnector connector = InMemoryConnector.builder(directory).build();
        connector.open(TestConnectorContext.of(FakeClock.create()));

        // example FaultPlan
        FaultPlan faults = connector.faults();
        faults.set(
                Operation.FULL_IMPORT, Fault.afterObjects(5, BreakMode.NETWORK).times(1));
        RecordingSink broken = new RecordingSink();
        assertThatThrownBy(() -> connector.fullImport(broken)).isInstanceOf(ConnectorException.class);
        assertThat(broken.upserts()).hasSize(5);
        connector.fullImport(new RecordingSink()); // healed
        assertThat(faults.calls(Operation.FULL_IMPORT)).isEqualTo(2);
        // end

        assertExampleIsTheJavadocOf("FaultPlan");
    }

    private static void assertExampleIsTheJavadocOf(String type) throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/joinery/testkit/JavadocExamplesTest.java"));
        String main = Files.readString(Path.of("src/main/java/dev/joinery/testkit/" + type + ".java"));
        String example = between(test, "// example " + type + "\n", "// end");
        String javadoc = between(main, "<pre>{@code", "}</pre>").replaceAll("(?m)^\\s*\\*", "");
        assertThat(withoutWhitespace(javadoc))
                .as("the example in the Javadoc of %s", type)
                .isEqualTo(withoutWhitespace(example));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s is present", start.strip()).isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String withoutWhitespace(String code) {
        return code.replaceAll("\\s+", "");
    }
}
