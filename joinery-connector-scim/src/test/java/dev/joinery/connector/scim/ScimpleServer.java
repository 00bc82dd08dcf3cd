package dev.joinery.connector.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.directory.scim.server.configuration.ServerConfiguration;
import org.apache.directory.scim.server.rest.ScimResourceHelper;
import org.apache.directory.scim.spec.schema.ServiceProviderConfiguration;

/**
 * A real SCIM 2.0 server for the tests: Apache SCIMple on Jersey and Grizzly, with Weld for CDI and the in-memory
 * repositories of this package. About 4.5 s to start, so the test classes share one ({@link #shared()}) and clear it
 * between tests.
 */
final class ScimpleServer implements AutoCloseable {
    private static ScimpleServer shared;

    private final SeContainer container;
    private final SeBootstrap.Instance server;
    private final int port;

    /** The JAX-RS application: SCIMple's resources and a server configuration advertising OAuth bearer tokens. */
    @ApplicationScoped
    public static class App extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return ScimResourceHelper.scimpleFeatureAndResourceClasses();
        }

        @Produces
        ServerConfiguration serverConfiguration() {
            return new ServerConfiguration()
                    .setId("joinery-test")
                    .setSupportsFilter(true)
                    .setFilterMaxResults(200)
                    .addAuthenticationSchema(ServiceProviderConfiguration.AuthenticationSchema.oauthBearer());
        }
    }

    private ScimpleServer(SeContainer container, SeBootstrap.Instance server, int port) {
        this.container = container;
        this.server = server;
        this.port = port;
    }

    /** The server of this test JVM, started on first use and stopped when the JVM exits. */
    static synchronized ScimpleServer shared() {
        if (shared == null) {
            ScimpleServer s = start();
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "scimple-stop"));
            shared = s;
        }
        return shared;
    }

    static ScimpleServer start() {
        int port = freePort();
        SeContainer container = SeContainerInitializer.newInstance()
                .addPackages(true, ScimpleServer.class)
                .initialize();
        try {
            SeBootstrap.Instance server = SeBootstrap.start(
                            new App(),
                            SeBootstrap.Configuration.builder()
                                    .host("127.0.0.1")
                                    .port(port)
                                    .build())
                    .toCompletableFuture()
                    .get(1, TimeUnit.MINUTES);
            return new ScimpleServer(container, server, port);
        } catch (Exception e) {
            container.close();
            throw new IllegalStateException("the SCIMple server did not start", e);
        }
    }

    /** The service's base URL, {@code http://127.0.0.1:PORT}: SCIMple serves /Users, /Groups and discovery there. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Removes every user and group. */
    void clear() {
        container.select(InMemoryUserRepository.class).get().clear();
        container.select(InMemoryGroupRepository.class).get().clear();
    }

    @Override
    public void close() {
        try {
            server.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping is best effort
        } finally {
            container.close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
