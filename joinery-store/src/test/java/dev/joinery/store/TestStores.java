package dev.joinery.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** New H2 stores for tests, fast: each is a copy of one database migrated once per JVM. */
public final class TestStores {
    private static Path template;

    private TestStores() {}

    /** A new, empty H2 store at {@code path} ({@code path.mv.db} must not exist). */
    public static JdbcSyncStore h2(Path path) {
        try {
            Files.copy(template(), Path.of(path + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JdbcSyncStore.h2(path);
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("joinery-store-template");
            JdbcSyncStore.h2(dir.resolve("template")).close();
            template = dir.resolve("template.mv.db");
            template.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
        }
        return template;
    }
}
