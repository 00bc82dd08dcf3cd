package dev.joinery.app.config;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong in {@code joinery.yaml}: the file, where (1-based line and column, 0 when unknown), the option
 * path ({@code connectors[1].port}, empty for the file as a whole), and what was expected. Messages never hold a
 * secret's value.
 */
public record ConfigProblem(Path file, int line, int column, String path, String message) {

    /** File order: by line, then column. */
    static final Comparator<ConfigProblem> IN_FILE_ORDER =
            Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column);

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    static ConfigProblem at(Path file, YamlTree.Position at, String path, String message) {
        return new ConfigProblem(file, at.line(), at.column(), path, message);
    }

    /** As a compiler prints it: {@code joinery.yaml:12:11: connectors[1].port: expected an integer ...}. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file.toString();
        return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
