package dev.joinery.connector.ldap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real servers of the integration tests, started once per JVM by {@code scripts/directories.sh start}
 * (a no-op when they run already), and what the tests need to reach them.
 */
final class Directories {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path STATE = Path.of(System.getenv()
            .getOrDefault(
                    "JOINERY_DIRECTORIES_DIR",
                    ROOT.resolve(".joinery/directories").toString()));
    private static boolean started;

    private Directories() {}

    static synchronized void start() {
        if (started) {
            return;
        }
        try {
            Process p = new ProcessBuilder(
                            ROOT.resolve("scripts/directories.sh").toString(), "start")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("scripts/directories.sh start failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        started = true;
    }

    static Path caCertificate() {
        return STATE.resolve("tls/ca.pem");
    }

    static Path wrongCaCertificate() {
        return STATE.resolve("tls/wrong-ca.pem");
    }

    static char[] password() {
        try {
            return Files.readString(STATE.resolve("admin-password"), StandardCharsets.UTF_8)
                    .toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds LDIF records straight into Samba DC {@code n}'s database with {@code ldbadd}, in one transaction: about
     * 200 entries a second where LDAP adds manage 10. The running DC serves them at once.
     */
    static void ldbadd(int n, String ldif) {
        try {
            Path file = Files.createTempFile("joinery-it", ".ldif");
            try {
                Files.writeString(file, ldif, StandardCharsets.UTF_8);
                Process p = new ProcessBuilder(
                                "ldbadd",
                                "-H",
                                STATE.resolve("samba-" + n + "/private/sam.ldb").toString(),
                                file.toString())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("ldbadd into DC " + n + " failed: " + out.strip());
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Samba DC 1 or 2. */
    static Server samba(int n) {
        String base = n == 1 ? "DC=one,DC=joinery,DC=test" : "DC=two,DC=joinery,DC=test";
        return new Server("127.0.0." + n, 636, base, "CN=Administrator,CN=Users," + base, true);
    }

    static Server slapd() {
        return new Server("127.0.0.1", 10389, "dc=joinery,dc=test", "cn=admin,dc=joinery,dc=test", true);
    }

    /** A server the tests reach; {@code managed} when {@code scripts/directories.sh} runs it (TLS, shared password). */
    record Server(String host, int port, String base, String bindDn, boolean managed) {
        char[] password() {
            return managed ? Directories.password() : InMemoryAd.PASSWORD.toCharArray();
        }
    }
}
