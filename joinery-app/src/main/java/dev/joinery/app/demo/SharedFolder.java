package dev.joinery.app.demo;

import java.nio.file.Path;
import java.util.function.Function;

/** Where the shared reference folder is: {@code -Djoinery.shared}, {@code JOINERY_SHARED}, or {@code ../shared} beside the repository. */
public final class SharedFolder {
    private SharedFolder() {}

    /**
     * The folder, not checked for existence.
     *
     * @param environment the process environment
     */
    public static Path resolve(Function<String, String> environment) {
        String property = System.getProperty("joinery.shared");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = environment.apply("JOINERY_SHARED");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("joinery.home");
        Path repo = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        return repo.toAbsolutePath().normalize().resolveSibling("shared");
    }
}
