package dev.joinery.store.crash;

import static dev.joinery.connector.spi.AttributeType.STRING;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import dev.joinery.engine.run.SyncEngine;
import dev.joinery.engine.sync.ConnectorSettings;
import dev.joinery.engine.sync.SyncSettings;
import dev.joinery.store.JdbcSyncStore;
import dev.joinery.testkit.InMemoryConnector;
import dev.joinery.testkit.InMemoryDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scripted scenario {@link CrashRecoveryIT} kills and restarts: rounds of changes in a generated HR source
 * (adds, updates, deletes), each synchronized to a cloud target through every run profile but delta import, on an H2
 * file store. The target's directory is saved to a file after every export batch, as a real directory keeps what it
 * was sent; the number of the last completed round is saved after each round. Started again after a kill, it goes on
 * with the round that was interrupted. Prints {@code DONE} at the end.
 *
 * <pre>java -cp ... dev.joinery.store.crash.CrashScenario WORKDIR</pre>
 */
public final class CrashScenario {
    static final int ROUNDS = 4;
    static final int USERS = 300;

    private CrashScenario() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Path roundFile = dir.resolve("round");
        int done = Files.exists(roundFile)
                ? Integer.parseInt(Files.readString(roundFile).trim())
                : 0;
        try (JdbcSyncStore store = JdbcSyncStore.h2(dir.resolve("store"))) {
            SavedDirectory cloud = SavedDirectory.load(dir.resolve("cloud.txt"));
            for (int round = done + 1; round <= ROUNDS; round++) {
                InMemoryDirectory hr = source(round);
                SyncEngine engine = SyncEngine.builder(store, settings())
                        .connector("HR", InMemoryConnector.builder(hr).build())
                        .connector("cloud", cloud.connector())
                        .build();
                engine.fullImport("HR");
                if (round % 2 == 1) {
                    engine.fullSync("HR");
                } else {
                    engine.deltaSync("HR");
                }
                engine.export("cloud");
                engine.fullImport("cloud");
                engine.deltaSync("cloud");
                Path tmp = dir.resolve("round.tmp");
                Files.writeString(tmp, Integer.toString(round), StandardCharsets.UTF_8);
                Files.move(tmp, roundFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("DONE");
    }

    /** HR as it is in a round: a pure function of the round, with the same anchors every time. */
    static InMemoryDirectory source(int round) {
        Deque<Anchor> anchors = new ArrayDeque<>();
        InMemoryDirectory hr =
                InMemoryDirectory.builder().anchors(anchors::removeFirst).build();
        int users = USERS + 10 * (round - 1);
        for (int i = 0; i < users; i++) {
            if (round > 1 && i % 17 == round) {
                continue;
            }
            Map<String, List<AttributeValue>> a = new LinkedHashMap<>();
            a.put("employeeID", List.of(AttributeValue.text(String.format(Locale.ROOT, "E%05d", i))));
            a.put("givenName", List.of(AttributeValue.text("Given" + i)));
            int version = i % 5 < round ? round : 0;
            a.put("sn", List.of(AttributeValue.text("Family" + i + "v" + version)));
            a.put("department", List.of(AttributeValue.text("Dept" + ((i + round) % 4))));
            anchors.add(Anchor.of("hr-" + i));
            hr.add("user", "CN=User" + i + ",OU=HR", a);
        }
        return hr;
    }

    static SyncSettings settings() {
        return SyncSettings.builder()
                .connector(ConnectorSettings.of("HR")
                        .withSchema(schema("objectGUID", "employeeID", "givenName", "sn", "department")))
                .connector(ConnectorSettings.of("cloud")
                        .withSchema(schema("id", "sourceAnchor", "displayName", "department")))
                .rules(rules())
                .batchSize(20)
                .build();
    }

    private static List<SyncRule> rules() {
        return List.of(
                SyncRule.builder("In from HR")
                        .connector("HR")
                        .direction(Direction.INBOUND)
                        .sourceObjectType("user")
                        .targetObjectType("person")
                        .precedence(100)
                        .linkType(LinkType.PROVISION)
                        .joinGroup(JoinGroup.of(JoinCondition.of("employeeID", "employeeID")))
                        .transformation(Transformation.direct("employeeID", "employeeID"))
                        .transformation(Transformation.expression("displayName", "[givenName] & \" \" & [sn]"))
                        .transformation(Transformation.direct("department", "department"))
                        .build(),
                SyncRule.builder("Out to cloud")
                        .connector("cloud")
                        .direction(Direction.OUTBOUND)
                        .sourceObjectType("person")
                        .targetObjectType("user")
                        .precedence(100)
                        .linkType(LinkType.PROVISION)
                        .joinGroup(JoinGroup.of(new JoinCondition("employeeID", "sourceAnchor", true)))
                        .transformation(Transformation.expression("dn", "\"CN=\" & [employeeID] & \",OU=Cloud\""))
                        .transformation(Transformation.direct("sourceAnchor", "employeeID"))
                        .transformation(Transformation.direct("displayName", "displayName"))
                        .transformation(Transformation.direct("department", "department"))
                        .build());
    }

    private static ConnectorSchema schema(String anchor, String... attributes) {
        List<ConnectorSchema.Attribute> list = new ArrayList<>();
        for (String a : attributes) {
            list.add(new ConnectorSchema.Attribute(a, STRING, false));
        }
        return new ConnectorSchema(List.of(new ConnectorSchema.ObjectType("user", anchor, list)));
    }
}
