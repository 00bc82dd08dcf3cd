package dev.joinery.expr.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the read-only reference material lives: the {@code joinery.shared} system property that surefire sets
 * from the parent POM, or {@code ../../shared} relative to the module directory when a test runs without it.
 */
final class SharedReference {
    private SharedReference() {}

    /** The shared folder; fails with a message naming the path when it is missing. */
    static Path root() {
        Path root = Path.of(System.getProperty("joinery.shared", "../../shared"));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the shared reference folder is missing: " + root.toAbsolutePath()
                    + " (set -Djoinery.shared=... or place shared/ beside the repository)");
        }
        return root;
    }

    /** The exported out-of-box synchronization rules, one XML file per rule. */
    static Path synchronizationRules() {
        return root().resolve("testdata/aadc-export/SynchronizationRules");
    }
}
