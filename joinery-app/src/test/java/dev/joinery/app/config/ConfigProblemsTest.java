package dev.joinery.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems in joinery.yaml: each kind reported at its exact line and column, all of them at once. */
class ConfigProblemsTest {
    @TempDir
    Path dir;

    @Test
    void wrongTypeSaysWhatWasExpectedAndFoundAtTheValue() {
        assertThat(ConfigFiles.problems(dir, """
                        connectors:
                          - name: AD
                            kind: test-ldap
                            host: dc1
                            port: abc
                        """))
                .containsExactly("5:11: connectors[0].port: expected an integer from 1 to 65535, found \"abc\"");
    }

    @Test
    void valueOutOfRangeIsReportedWithTheRange() {
        assertThat(ConfigFiles.problems(dir, "server:\n  port: 70000\n"))
                .containsExactly("2:9: server.port: expected an integer from 1 to 65535, found 70000");
    }

    @Test
    void unknownOptionIsAnErrorWithDidYouMean() {
        assertThat(ConfigFiles.problems(dir, """
                        server:
                          prot: 9000
                        stagingmode: true
                        sever: {}
                        connector: []
                        """))
                .containsExactly(
                        "2:3: server.prot: unknown option; did you mean server.port?",
                        "3:1: stagingmode: unknown option; did you mean stagingMode?",
                        "4:1: sever: unknown option; did you mean server?",
                        "5:1: connector: unknown option; did you mean connectors?");
    }

    @Test
    void unknownConnectorOptionNamesTheKindAndSuggests() {
        assertThat(ConfigFiles.problems(dir, """
                        connectors:
                          - name: AD
                            kind: test-ldap
                            hots: dc1
                            host: dc1
                            bind:
                              passwrd: ${env:X}
                            colour: blue
                        """))
                .containsExactly(
                        "4:5: connectors[0].hots: unknown option of connector kind test-ldap; did you mean host?",
                        "7:7: connectors[0].bind.passwrd: unknown option of connector kind test-ldap;"
                                + " did you mean bind.password?",
                        "8:5: connectors[0].colour: unknown option of connector kind test-ldap");
    }

    @Test
    void unknownKindListsTheKnownKinds() {
        assertThat(ConfigFiles.problems(dir, """
                        connectors:
                          - name: AD
                            kind: test-ldpa
                            host: dc1
                          - name: Cloud
                            kind: graphh
                        """))
                .containsExactly(
                        "3:11: connectors[0].kind: unknown connector kind \"test-ldpa\";"
                                + " known kinds: graph, inmemory, ldap, test-file, test-ldap; did you mean test-ldap?",
                        "6:11: connectors[1].kind: unknown connector kind \"graphh\"; known kinds: graph, inmemory, ldap, test-file, test-ldap;"
                                + " did you mean graph?");
    }

    @Test
    void duplicateConnectorNameIgnoringCaseIsAnError() {
        assertThat(ConfigFiles.problems(dir, """
                        connectors:
                          - {name: Contoso, kind: test-file, path: a.ldif}
                          - {name: Fabrikam, kind: test-file, path: b.ldif}
                          - {name: CONTOSO, kind: test-file, path: c.ldif}
                        """))
                .containsExactly(
                        "4:12: connectors[2].name: duplicate connector name \"CONTOSO\"; connectors[0] (line 2)"
                                + " has it already (names are compared ignoring case)");
    }

    @Test
    void missingRequiredOptionsAreReportedAtTheConnector() {
        assertThat(ConfigFiles.problems(dir, """
                        connectors:
                          - kind: test-ldap
                            port: 636
                          - name: Files
                        """))
                .containsExactly(
                        "2:5: connectors[0]: missing required option name",
                        "2:5: connectors[0]: missing required option host of connector kind test-ldap",
                        "4:5: connectors[1]: missing required option kind; known kinds: graph, inmemory, ldap, test-file, test-ldap");
    }

    @Test
    void storeOptionsMustMatchTheStoreType() {
        assertThat(ConfigFiles.problems(dir, """
                        store:
                          type: postgresql
                          path: data
                        """))
                .containsExactly(
                        "2:9: store.url: required when store.type is postgresql",
                        "3:3: store.path: applies only when store.type is h2; here it is postgresql");
        assertThat(ConfigFiles.problems(dir, """
                        store:
                          url: jdbc:postgresql://db/joinery
                          type: mysql
                        """))
                .containsExactly(
                        "2:3: store.url: applies only when store.type is postgresql; here it is h2",
                        "3:9: store.type: expected one of h2, postgresql, found \"mysql\"");
    }

    @Test
    void everyKindOfValueMistakeIsReported() {
        assertThat(ConfigFiles.problems(dir, """
                        connectors:
                          - name: AD
                            kind: test-ldap
                            host: [dc1, dc2]
                            security: tsl
                            baseDns: OU=Users
                            timeout: 30
                            paged: maybe
                            proxy: not a url
                        thresholds:
                          deletion: ten
                          errorLimit: 0
                        schedule:
                          interval: 0s
                        server: 8080
                        """))
                .containsExactly(
                        "4:11: connectors[0].host: expected a string, found a list",
                        "5:15: connectors[0].security: expected one of none, tls, starttls, found \"tsl\"; did you mean tls?",
                        "6:14: connectors[0].baseDns: expected a list of strings, found \"OU=Users\"",
                        "7:14: connectors[0].timeout: expected a duration such as 30s, 5m or 1h30m, found 30",
                        "8:12: connectors[0].paged: expected true or false, found \"maybe\"",
                        "9:12: connectors[0].proxy: expected an absolute URL such as ldaps://host:636, found \"not a url\"",
                        "11:13: thresholds.deletion: expected a count such as 500 or a percentage such as 10%, found \"ten\"",
                        "12:15: thresholds.errorLimit: expected an integer of at least 1, found 0",
                        "14:13: schedule.interval: expected a duration longer than zero, found 0s",
                        "15:9: server: expected a mapping of host, port, found a number");
    }

    @Test
    void severalErrorsInOneFileAreAllReportedInFileOrder() {
        assertThat(ConfigFiles.problems(dir, """
                        stagingMode: yes please
                        connectors:
                          - name: AD
                            kind: test-ldap
                            host: dc1
                            port: 0
                          - name: ad
                            kind: test-file
                        server:
                          port: http
                        """))
                .containsExactly(
                        "1:14: stagingMode: expected true or false, found \"yes please\"",
                        "6:11: connectors[0].port: expected an integer from 1 to 65535, found 0",
                        "7:5: connectors[1]: missing required option path of connector kind test-file",
                        "7:11: connectors[1].name: duplicate connector name \"ad\"; connectors[0] (line 3) has it already"
                                + " (names are compared ignoring case)",
                        "10:9: server.port: expected an integer from 1 to 65535, found \"http\"");
    }

    @Test
    void anOptionSetTwiceFlatAndNestedIsAnError() {
        assertThat(ConfigFiles.problems(dir, """
                        server.port: 1
                        server:
                          port: 2
                        """)).containsExactly("3:3: server.port: set twice; first at line 1");
    }

    @Test
    void wrongShapesOfTheFileAndOfConnectorsAreReported() {
        assertThat(ConfigFiles.problems(dir, "- a\n- b\n"))
                .containsExactly("1:1: expected a mapping of options (connectors, store, ...), found a list");
        assertThat(ConfigFiles.problems(dir, "connectors: AD\n"))
                .containsExactly("1:13: connectors: expected a list of connectors, found a string");
        assertThat(ConfigFiles.problems(dir, "connectors:\n  - AD\n"))
                .containsExactly(
                        "2:5: connectors[0]: expected a mapping with name, kind and the kind's options, found a string");
    }

    @Test
    void syntaxErrorIsReportedAtItsPositionWithoutQuotingTheLine() {
        assertThat(ConfigFiles.problems(dir, """
                        server:
                          host: a
                         port: 1
                        """))
                .singleElement()
                .asString()
                .isEqualTo("3:2: not valid YAML: while parsing a block mapping;"
                        + " expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void problemsNameTheFileAsGivenWithLineAndColumn() {
        Path file = ConfigFiles.write(dir, "joinery.yaml", "server:\n  port: abc\n");

        assertThatThrownBy(() -> ConfigFiles.loader().load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .hasToString(file + ":2:9: server.port: expected an integer from 1 to 65535, found \"abc\""))
                .hasMessage(file + ":2:9: server.port: expected an integer from 1 to 65535, found \"abc\"");
    }

    @Test
    void missingFileIsOneProblemWithoutPosition() {
        Path file = dir.resolve("nope.yaml");

        assertThat(ConfigFiles.loader().validate(file, false)).singleElement().hasToString(file + ": no such file");
    }
}
