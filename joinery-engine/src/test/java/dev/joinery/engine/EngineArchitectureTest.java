package dev.joinery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EngineArchitectureTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(java\\.sql|javax\\.sql|javax\\.naming|java\\.net\\.http|com\\.unboundid"
                    + "|javax\\.net|java\\.net\\.(URL|HttpURLConnection|Socket)|org\\.apache\\.http|okhttp3"
                    + "|io\\.javalin|org\\.eclipse\\.jetty)\\b.*",
            Pattern.MULTILINE);

    /** DESIGN: "the engine knows no protocol"; CONVENTIONS: "the engine imports no LDAP, HTTP or JDBC types". */
    @Test
    void engineImportsNoLdapHttpOrJdbcTypes() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            return FORBIDDEN
                                    .matcher(Files.readString(p))
                                    .results()
                                    .map(m -> p + ": " + m.group());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }
}
