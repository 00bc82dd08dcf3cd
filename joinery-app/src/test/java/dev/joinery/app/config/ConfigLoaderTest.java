package dev.joinery.app.config;

import static dev.joinery.app.config.TestLdapConnectorFactory.BASE_DNS;
import static dev.joinery.app.config.TestLdapConnectorFactory.BIND_DN;
import static dev.joinery.app.config.TestLdapConnectorFactory.BIND_PASSWORD;
import static dev.joinery.app.config.TestLdapConnectorFactory.CA_FILE;
import static dev.joinery.app.config.TestLdapConnectorFactory.HOST;
import static dev.joinery.app.config.TestLdapConnectorFactory.PAGED;
import static dev.joinery.app.config.TestLdapConnectorFactory.PORT;
import static dev.joinery.app.config.TestLdapConnectorFactory.PROXY;
import static dev.joinery.app.config.TestLdapConnectorFactory.SECURITY;
import static dev.joinery.app.config.TestLdapConnectorFactory.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.SecretReference;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading valid joinery.yaml files: each store type, defaults, thresholds, relative paths, connector options. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private JoineryConfig load(String yaml) throws ConfigException {
        return ConfigFiles.loader().load(ConfigFiles.write(dir, "joinery.yaml", yaml));
    }

    @Test
    void emptyFileGivesEveryDefault() throws ConfigException {
        JoineryConfig config = load("");

        assertThat(config.file()).isEqualTo(dir.resolve("joinery.yaml").toAbsolutePath());
        assertThat(config.connectors()).isEmpty();
        assertThat(config.store()).isEqualTo(new JoineryConfig.H2(dir.resolve(".joinery/store")));
        assertThat(config.rules()).isEqualTo(dir.resolve("rules"));
        assertThat(config.thresholds().deletion()).isEqualTo(DeletionThreshold.ofCount(500));
        assertThat(config.thresholds().errorLimit()).isEqualTo(5000);
        assertThat(config.stagingMode()).isFalse();
        assertThat(config.schedule()).isEqualTo(new JoineryConfig.Schedule(Duration.ofMinutes(30), true));
        assertThat(config.server()).isEqualTo(new JoineryConfig.Server("127.0.0.1", 8642));
    }

    @Test
    void h2StoreWithEveryGlobalOptionSet() throws ConfigException {
        JoineryConfig config = load("""
                store:
                  type: h2
                  path: /var/lib/joinery/store
                rules: /etc/joinery/rules
                thresholds:
                  deletion: 250
                  errorLimit: 100
                stagingMode: true
                schedule:
                  interval: 1h30m
                  enabled: false
                server:
                  host: 0.0.0.0
                  port: 9000
                """);

        assertThat(config.store()).isEqualTo(new JoineryConfig.H2(Path.of("/var/lib/joinery/store")));
        assertThat(config.rules()).isEqualTo(Path.of("/etc/joinery/rules"));
        assertThat(config.thresholds()).isEqualTo(new JoineryConfig.Thresholds(DeletionThreshold.ofCount(250), 100));
        assertThat(config.stagingMode()).isTrue();
        assertThat(config.schedule()).isEqualTo(new JoineryConfig.Schedule(Duration.ofMinutes(90), false));
        assertThat(config.server()).isEqualTo(new JoineryConfig.Server("0.0.0.0", 9000));
    }

    @Test
    void postgresqlStoreKeepsThePasswordAsAReference() throws ConfigException {
        JoineryConfig config = load("""
                store:
                  type: PostgreSQL
                  url: jdbc:postgresql://db.contoso.com:5432/joinery
                  user: joinery
                  password: ${env:JOINERY_DB_PASSWORD}
                """);

        JoineryConfig.Postgresql store = (JoineryConfig.Postgresql) config.store();
        assertThat(store.type()).isEqualTo("postgresql");
        assertThat(store.url()).isEqualTo(URI.create("jdbc:postgresql://db.contoso.com:5432/joinery"));
        assertThat(store.user()).isEqualTo("joinery");
        assertThat(store.password().reference()).isEqualTo(SecretReference.env("JOINERY_DB_PASSWORD"));
        assertThat(store.password().option()).isEqualTo("store.password");
        assertThat(config.secrets()).containsExactly(store.password());
    }

    @ParameterizedTest(name = "deletion: {0}")
    @CsvSource(delimiter = '|', textBlock = """
                500      | 500 | 1000000 | 500
                0        | 0   | 1000    | 0
                10%      | -1  | 1000    | 100
                2.5%     | -1  | 1000    | 25
                '10%'    | -1  | 5       | 0
                100%     | -1  | 7       | 7
                """)
    void deletionThresholdIsACountOrAPercentageOfTheObjects(String written, long count, long objects, long limit)
            throws ConfigException {
        JoineryConfig config = load("thresholds:\n  deletion: " + written + "\n");

        DeletionThreshold threshold = config.thresholds().deletion();
        assertThat(threshold.isPercentage()).isEqualTo(count < 0);
        assertThat(threshold.count()).isEqualTo(count);
        assertThat(threshold.limit(objects)).isEqualTo(limit);
        assertThat(threshold.toString()).isEqualTo(written.replace("'", ""));
    }

    @Test
    void percentageKeepsItsDecimals() throws ConfigException {
        assertThat(load("thresholds: {deletion: 12.5%}").thresholds().deletion())
                .isEqualTo(DeletionThreshold.ofPercent(new BigDecimal("12.5")));
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesFolderNotTheWorkingDirectory() throws ConfigException {
        Path file = ConfigFiles.write(dir, "etc/joinery.yaml", """
                store: {path: data/store}
                rules: ../rules
                connectors:
                  - {name: File, kind: test-file, path: exports/users.ldif}
                """);

        JoineryConfig config = ConfigFiles.loader().load(file);

        Path folder = file.toAbsolutePath().getParent();
        assertThat(config.store()).isEqualTo(new JoineryConfig.H2(folder.resolve("data/store")));
        assertThat(config.rules()).isEqualTo(dir.toAbsolutePath().resolve("rules"));
        assertThat(config.connector("file").orElseThrow().config().get(TestFileConnectorFactory.PATH))
                .isEqualTo(folder.resolve("exports/users.ldif"));
    }

    @Test
    void connectorsKeepFileOrderAndTheirKindsTypedOptions() throws ConfigException {
        JoineryConfig config = load("""
                connectors:
                  - name: contoso.com
                    kind: test-ldap
                    host: dc1.contoso.com
                    port: 636
                    security: STARTTLS
                    bind:
                      dn: CN=svc-joinery,OU=Service,DC=contoso,DC=com
                      password: ${file:secrets/ad.txt}
                    baseDns:
                      - OU=Users,DC=contoso,DC=com
                      - OU=Groups,DC=contoso,DC=com
                    timeout: 2m
                    paged: false
                    caFile: certs/ca.pem
                    proxy: socks://proxy.contoso.com:1080
                  - name: Files
                    kind: test-file
                    path: users.ldif
                """);

        assertThat(config.connectors())
                .extracting(JoineryConfig.Connector::name)
                .containsExactly("contoso.com", "Files");
        ConnectorConfig ad = config.connectors().get(0).config();
        assertThat(config.connectors().get(0).kind()).isEqualTo("test-ldap");
        assertThat(ad.get(HOST)).isEqualTo("dc1.contoso.com");
        assertThat(ad.get(PORT)).isEqualTo(636);
        assertThat(ad.get(SECURITY)).isEqualTo("starttls");
        assertThat(ad.get(BIND_DN)).isEqualTo("CN=svc-joinery,OU=Service,DC=contoso,DC=com");
        assertThat(ad.get(BIND_PASSWORD)).hasToString("${file:secrets/ad.txt}");
        assertThat(ad.get(BIND_PASSWORD).option()).isEqualTo("connectors[0].bind.password");
        assertThat(ad.get(BASE_DNS)).containsExactly("OU=Users,DC=contoso,DC=com", "OU=Groups,DC=contoso,DC=com");
        assertThat(ad.get(TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ad.get(PAGED)).isFalse();
        assertThat(ad.get(CA_FILE)).isEqualTo(dir.resolve("certs/ca.pem"));
        assertThat(ad.get(PROXY)).isEqualTo(URI.create("socks://proxy.contoso.com:1080"));
    }

    @Test
    void connectorOptionsNotSetFallBackToTheKindsDefaults() throws ConfigException {
        ConnectorConfig ad = load("""
                connectors:
                  - {name: AD, kind: test-ldap, host: dc1, bind.dn: CN=x}
                """).connectors().get(0).config();

        assertThat(ad.get(PORT)).isEqualTo(389);
        assertThat(ad.get(SECURITY)).isEqualTo("tls");
        assertThat(ad.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ad.isSet(PORT)).isFalse();
        assertThat(ad.get(BIND_DN)).as("a dotted name written flat").isEqualTo("CN=x");
        assertThat(ad.find(BIND_PASSWORD)).isEmpty();
    }

    @Test
    void connectorIsFoundByNameIgnoringCase() throws ConfigException {
        JoineryConfig config = load("connectors: [{name: Contoso, kind: test-file, path: a.ldif}]");

        assertThat(config.connector("CONTOSO")).isPresent();
        assertThat(config.connector("fabrikam")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "30m,PT30M",
        "1h30m,PT1H30M",
        "2d,PT48H",
        "45s,PT45S",
        "500ms,PT0.5S",
        "PT15M,PT15M",
        "1h5m10s,PT1H5M10S"
    })
    void durationsAreWrittenCompactlyOrInIso8601(String written, String iso) throws ConfigException {
        JoineryConfig config = load("schedule: {interval: " + written + "}");

        assertThat(config.schedule().interval()).isEqualTo(Duration.parse(iso));
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(written.startsWith("PT") ? "15m" : written);
    }
}
