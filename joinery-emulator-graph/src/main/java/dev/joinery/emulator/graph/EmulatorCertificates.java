package dev.joinery.emulator.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away certificates for running the emulator over HTTPS and for certificate credentials of its apps, made
 * with the JDK's {@code keytool} (no extra library): self-signed, RSA 2048, SHA256withRSA, valid for two days.
 * Never for production. Stateless.
 *
 * <pre>{@code
 * EmulatorCertificates.Server tls = EmulatorCertificates.server(dir);
 * GraphEmulator graph = GraphEmulator.builder().https(tls.keyStore(), tls.password()).start();
 * // clients trust tls.trustStore() (PKCS#12, password tls.password()); verification stays on
 * }</pre>
 */
public final class EmulatorCertificates {
    private EmulatorCertificates() {}

    /**
     * The emulator's TLS identity: a key store with its key and certificate (subject alternative names {@code
     * 127.0.0.1}, {@code ::1}, {@code localhost}), and a trust store holding only that certificate.
     */
    public record Server(Path keyStore, Path trustStore, String password, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Server[" + keyStore + ", trust " + trustStore + "]";
        }
    }

    /** An application's certificate credential: a PKCS#12 file with the key and certificate, and its password. */
    public record Client(Path keyStore, String password, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Client[" + keyStore + "]";
        }
    }

    /** Makes {@code emulator.p12} and {@code emulator-trust.p12} in {@code dir}. */
    public static Server server(Path dir) {
        String password = randomPassword();
        Path keyStore = dir.resolve("emulator.p12");
        X509Certificate cert = keyPair(
                keyStore,
                password,
                "CN=Joinery Graph emulator",
                "SAN=ip:127.0.0.1,ip:::1,dns:localhost",
                "EKU=serverAuth");
        Path trustStore = dir.resolve("emulator-trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("joinery-graph-emulator", cert);
            trust.store(out, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + trustStore, e);
        }
        return new Server(keyStore, trustStore, password, cert);
    }

    /** Makes {@code <name>.p12} in {@code dir}: a client certificate with subject {@code CN=<name>}. */
    public static Client client(Path dir, String name) {
        String password = randomPassword();
        Path keyStore = dir.resolve(name + ".p12");
        return new Client(keyStore, password, keyPair(keyStore, password, "CN=" + name, "EKU=clientAuth"));
    }

    private static X509Certificate keyPair(Path keyStore, String password, String dname, String... extensions) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "key",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-sigalg",
                "SHA256withRSA",
                "-validity",
                "2",
                "-dname",
                dname,
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass:env",
                "JOINERY_KEYTOOL_PASSWORD"));
        for (String e : extensions) {
            command.add("-ext");
            command.add(e);
        }
        try {
            Files.deleteIfExists(keyStore);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("JOINERY_KEYTOOL_PASSWORD", password);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output.strip());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, password.toCharArray());
            }
            return (X509Certificate) ks.getCertificate("key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate in " + keyStore, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
