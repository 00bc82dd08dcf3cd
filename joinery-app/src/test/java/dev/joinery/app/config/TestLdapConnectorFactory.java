package dev.joinery.app.config;

import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.config.ConnectorConfig;
import dev.joinery.connector.spi.config.ConnectorFactory;
import dev.joinery.connector.spi.config.Option;
import dev.joinery.connector.spi.config.OptionSet;
import dev.joinery.connector.spi.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A test-only connector kind, {@code test-ldap}, with one option of every type; registered in META-INF/services. */
public final class TestLdapConnectorFactory implements ConnectorFactory {
    static final Option<String> HOST =
            Option.string("host").withDescription("Directory server host name.").required();
    static final Option<Integer> PORT = Option.integer("port")
            .withDescription("Directory server port.")
            .withDefault(389)
            .withRange(1, 65535);
    static final Option<String> SECURITY = Option.oneOf("security", "none", "tls", "starttls")
            .withDescription("Transport security.")
            .withDefault("tls");
    static final Option<String> BIND_DN = Option.string("bind.dn").withDescription("Account to bind as.");
    static final Option<Secret> BIND_PASSWORD = Option.secret("bind.password").withDescription("Password of bind.dn.");
    static final Option<List<String>> BASE_DNS =
            Option.stringList("baseDns").withDescription("Containers to import from.");
    static final Option<Duration> TIMEOUT = Option.duration("timeout")
            .withDescription("Time allowed per request.")
            .withDefault(Duration.ofSeconds(30));
    static final Option<Boolean> PAGED =
            Option.bool("paged").withDescription("Use paged search.").withDefault(true);
    static final Option<Path> CA_FILE = Option.path("caFile").withDescription("Trusted CA certificates (PEM).");
    static final Option<URI> PROXY = Option.url("proxy").withDescription("SOCKS proxy.");

    static final OptionSet OPTIONS = OptionSet.of(
            "test-ldap", HOST, PORT, SECURITY, BIND_DN, BIND_PASSWORD, BASE_DNS, TIMEOUT, PAGED, CA_FILE, PROXY);

    @Override
    public String kind() {
        return "test-ldap";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Connector create(String name, ConnectorConfig config) {
        return new Connector() {
            @Override
            public void open(ConnectorContext context) {
                config.find(BIND_PASSWORD).ifPresent(Secret::reveal);
            }

            @Override
            public void close() {}
        };
    }
}
