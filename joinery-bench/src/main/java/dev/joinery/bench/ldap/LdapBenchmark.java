package dev.joinery.bench.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import dev.joinery.connector.ldap.LdapConnector;
import dev.joinery.connector.ldap.LdapConnectorConfig;
import dev.joinery.connector.ldap.Secret;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The LDAP connector benchmark, run by {@code ./bench ldap} (which starts a private slapd loaded by slapadd and,
 * when the test directories run, loads Samba DC 2 by ldbadd, 10,000 users by default), never by the tests:
 *
 * <ol>
 *   <li>full import of N users from slapd and from Samba, beside a raw paged {@code ldapsearch} of the same
 *       entries in the same run: objects per second and the ratio;
 *   <li>delta import of 1,000 changes among N and among 10,000 objects: seconds;
 *   <li>LDAP to LDAP through the engine ({@link EndToEnd}).
 * </ol>
 *
 * Arguments come as {@code key=value}: {@code slapd=ldap://HOST:PORT}, {@code samba=ldaps://HOST} (optional),
 * {@code users=N}, {@code sambaUsers=N}, and the passwords in {@code JOINERY_BENCH_PASSWORD} and {@code
 * JOINERY_BENCH_SAMBA_PASSWORD}.
 */
public final class LdapBenchmark {
    static final String SOURCE = "dc=source,dc=bench";
    static final String TARGET = "dc=target,dc=bench";
    static final String SAMBA_BASE = "DC=two,DC=joinery,DC=test";

    private LdapBenchmark() {}

    /** One directory to read: URL, bind, base, object class and anchor. */
    record Directory(
            String name,
            String url,
            String bindDn,
            String base,
            String objectClass,
            LdapConnectorConfig.AnchorKind anchor,
            LdapConnectorConfig.DeltaStrategy delta,
            Path caFile,
            char[] password) {

        LdapConnectorConfig.Builder config() {
            boolean ldaps = url.startsWith("ldaps:");
            String host = url.replaceFirst("^ldaps?://", "");
            LdapConnectorConfig.Builder b = LdapConnectorConfig.builder()
                    .host(host)
                    .security(ldaps ? LdapConnectorConfig.Security.LDAPS : LdapConnectorConfig.Security.NONE)
                    .bind(bindDn, Secret.literal(password.clone()))
                    .includeContainer(base)
                    .anchor(anchor)
                    .deltaStrategy(delta)
                    .pageSize(1000)
                    .objectType(LdapConnectorConfig.ObjectTypeConfig.of(
                            objectClass, objectClass, "top", "person", "organizationalPerson", objectClass));
            if (caFile != null) {
                b.trustedCertificateFile(caFile);
            }
            if (anchor == LdapConnectorConfig.AnchorKind.ENTRY_UUID) {
                b.partition(base.substring(base.indexOf(',') + 1));
            } else {
                b.partition(SAMBA_BASE);
            }
            return b;
        }

        LDAPConnection connect() throws Exception {
            String hostPort = url.replaceFirst("^ldaps?://", "");
            int colon = hostPort.lastIndexOf(':');
            String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
            LDAPConnection c;
            if (url.startsWith("ldaps:")) {
                int port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : 636;
                c = new LDAPConnection(
                        new SSLUtil(new PEMFileTrustManager(caFile.toFile())).createSSLSocketFactory(), host, port);
            } else {
                c = new LDAPConnection(host, Integer.parseInt(hostPort.substring(colon + 1)));
            }
            c.bind(bindDn, new String(password));
            return c;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int users = Integer.parseInt(a.getOrDefault("users", "100000"));
        // One line per search is for operators; here it would drown the figures.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        char[] password = System.getenv("JOINERY_BENCH_PASSWORD").toCharArray();
        System.out.printf(
                Locale.ROOT,
                "LDAP benchmark: %,d users, %d cores, load average %s%n",
                users,
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        List<Directory> sources = new ArrayList<>();
        sources.add(new Directory(
                "slapd",
                a.get("slapd"),
                "cn=admin," + SOURCE,
                "ou=people," + SOURCE,
                "inetOrgPerson",
                LdapConnectorConfig.AnchorKind.ENTRY_UUID,
                LdapConnectorConfig.DeltaStrategy.CONTENT_SYNC,
                null,
                password));
        if (a.containsKey("samba")) {
            sources.add(new Directory(
                    "Samba AD",
                    a.get("samba"),
                    "CN=Administrator,CN=Users," + SAMBA_BASE,
                    "OU=bench," + SAMBA_BASE,
                    "user",
                    LdapConnectorConfig.AnchorKind.OBJECT_GUID,
                    LdapConnectorConfig.DeltaStrategy.AD_DIRSYNC,
                    Path.of(a.get("ca")),
                    System.getenv("JOINERY_BENCH_SAMBA_PASSWORD").toCharArray()));
        }
        System.out.println(
                "\n(a) full import, beside a raw paged ldapsearch (-E pr=1000/noprompt) of the same entries");
        for (Directory d : sources) {
            fullImport(d, a.get("ca"));
        }
        System.out.println("\n(b) delta import of 1,000 changes");
        deltas(sources.get(0), users);
        deltas(
                new Directory(
                        "slapd",
                        a.get("slapd"),
                        "cn=admin," + SOURCE,
                        "ou=e2e," + SOURCE,
                        "inetOrgPerson",
                        LdapConnectorConfig.AnchorKind.ENTRY_UUID,
                        LdapConnectorConfig.DeltaStrategy.CONTENT_SYNC,
                        null,
                        password),
                10_000);
        if (sources.size() > 1) {
            deltas(sources.get(1), Integer.parseInt(a.getOrDefault("sambaUsers", "10000")));
        }
        System.out.println("\n(c) LDAP to LDAP through the engine: 10,000 users, ou=e2e," + SOURCE + " -> " + TARGET);
        EndToEnd.run(a.get("slapd"), password, a.getOrDefault("store", "memory"), a.get("rawAdds"));
        System.out.printf(Locale.ROOT, "%nload average at the end: %s%n", loadAverage());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Counts what an import sends. */
    static final class CountingSink implements ImportSink {
        long upserts;
        long deletes;
        Watermark last;

        @Override
        public void accept(ImportChange change) {
            if (change.kind() == ImportChange.Kind.UPSERT) {
                upserts++;
            } else {
                deletes++;
            }
        }

        @Override
        public void checkpoint(Watermark watermark) {
            last = watermark;
        }
    }

    static dev.joinery.connector.spi.ConnectorContext context(String name) {
        return new dev.joinery.connector.spi.ConnectorContext() {
            @Override
            public String connectorName() {
                return name;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        };
    }

    private static void fullImport(Directory d, String ca) throws Exception {
        // Warm-up: the server's caches and the JIT, for both readers alike.
        raw(d, ca);
        double rawSeconds = Double.MAX_VALUE;
        double ours = Double.MAX_VALUE;
        long count = 0;
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            long rawCount = raw(d, ca);
            rawSeconds = Math.min(rawSeconds, (System.nanoTime() - t) / 1e9);
            try (LdapConnector c = new LdapConnector(d.config().build())) {
                c.open(context("bench"));
                CountingSink sink = new CountingSink();
                t = System.nanoTime();
                c.fullImport(sink);
                ours = Math.min(ours, (System.nanoTime() - t) / 1e9);
                count = sink.upserts;
            }
            if (rawCount != count) {
                System.out.printf(
                        Locale.ROOT, "  warning: ldapsearch saw %,d entries, the connector %,d%n", rawCount, count);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  %-9s connector (%s): %,d objects in %.2f s = %,.0f objects/s; ldapsearch %.2f s = %,.0f/s;"
                        + " ratio %.2f (target <= 1.5)%n",
                d.name(),
                d.delta(),
                count,
                ours,
                count / ours,
                rawSeconds,
                count / rawSeconds,
                ours / rawSeconds);
    }

    /** A raw paged ldapsearch of the same entries and attributes, its output discarded; returns the entry count. */
    private static long raw(Directory d, String ca) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                "ldapsearch",
                "-x",
                "-LLL",
                "-H",
                d.url(),
                "-D",
                d.bindDn(),
                "-y",
                passwordFile(d.password()).toString(),
                "-b",
                d.base(),
                "-E",
                "pr=1000/noprompt",
                "(objectClass=" + d.objectClass() + ")",
                "*",
                d.anchor() == LdapConnectorConfig.AnchorKind.ENTRY_UUID ? "entryUUID" : "objectGUID"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        if (ca != null) {
            pb.environment().put("LDAPTLS_CACERT", ca);
        }
        Process p = pb.start();
        long dns = 0;
        byte[] buf = new byte[1 << 16];
        boolean lineStart = true;
        int matched = 0;
        try (var in = p.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (lineStart || matched > 0) {
                        if (matched < 3 && b == "dn:".charAt(matched)) {
                            matched++;
                            if (matched == 3) {
                                dns++;
                                matched = 0;
                            }
                        } else {
                            matched = 0;
                        }
                    }
                    lineStart = b == '\n';
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(
                    "ldapsearch failed: " + new String(p.getErrorStream().readAllBytes()));
        }
        return dns;
    }

    static Path passwordFile(char[] password) throws IOException {
        Path file = Files.createTempFile("joinery-bench", ".pw");
        file.toFile().deleteOnExit();
        Files.writeString(file, new String(password));
        return file;
    }

    /** Changes 1,000 of the {@code total} users (over four connections), then times one delta import. */
    private static void deltas(Directory d, int total) throws Exception {
        try (LdapConnector c = new LdapConnector(d.config().build())) {
            c.open(context("bench"));
            Watermark w = c.fullImport(new CountingSink());
            List<String> dns = new ArrayList<>();
            try (LDAPConnection conn = d.connect()) {
                com.unboundid.asn1.ASN1OctetString cookie = null;
                do {
                    SearchRequest r = new SearchRequest(
                            d.base(), SearchScope.ONE, "(objectClass=" + d.objectClass() + ")", "1.1");
                    r.addControl(new SimplePagedResultsControl(1000, cookie));
                    com.unboundid.ldap.sdk.SearchResult result = conn.search(r);
                    result.getSearchEntries().forEach(e -> dns.add(e.getDN()));
                    SimplePagedResultsControl page = SimplePagedResultsControl.get(result);
                    cookie = page != null && page.moreResultsToReturn() ? page.getCookie() : null;
                } while (cookie != null && dns.size() < total);
            }
            int step = Math.max(1, dns.size() / 1000);
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < dns.size() && changed.size() < 1000; i += step) {
                changed.add(dns.get(i));
            }
            String csn = null;
            if (d.anchor() == LdapConnectorConfig.AnchorKind.ENTRY_UUID) {
                try (LDAPConnection conn = d.connect()) {
                    csn = conn.getEntry(SOURCE, "contextCSN").getAttributeValue("contextCSN");
                }
            }
            String stamp = Long.toString(System.nanoTime());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int part = 0; part < 4; part++) {
                    List<String> mine = changed.subList(part * changed.size() / 4, (part + 1) * changed.size() / 4);
                    done.add(pool.submit(() -> {
                        try (LDAPConnection conn = d.connect()) {
                            for (String dn : mine) {
                                conn.modify(
                                        dn, new Modification(ModificationType.REPLACE, "title", "Changed " + stamp));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            CountingSink sink = new CountingSink();
            long t = System.nanoTime();
            c.deltaImport(w, sink);
            double s = (System.nanoTime() - t) / 1e9;
            String raw = "";
            if (csn != null) {
                // What the server spends finding the changed entries: the same search, by hand.
                try (LDAPConnection conn = d.connect()) {
                    long r = System.nanoTime();
                    int n = conn.search(
                                    d.base(),
                                    SearchScope.SUB,
                                    "(&(objectClass=" + d.objectClass() + ")(entryCSN>=" + csn + "))")
                            .getEntryCount();
                    raw = String.format(
                            Locale.ROOT,
                            "; a raw search (entryCSN>=...) for them: %.2f s, %,d entries",
                            (System.nanoTime() - r) / 1e9,
                            n);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %-9s %s: %,d changes among %,d objects: %.2f s (%,d upserts, %,d deletes)%s%n",
                    d.name(),
                    d.delta(),
                    changed.size(),
                    dns.size(),
                    s,
                    sink.upserts,
                    sink.deletes,
                    raw);
        }
    }
}
