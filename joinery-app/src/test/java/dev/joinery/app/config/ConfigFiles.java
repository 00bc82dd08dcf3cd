package dev.joinery.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes test configuration files and loads them with the discovered test kinds and a given environment. */
final class ConfigFiles {
    private ConfigFiles() {}

    static Path write(Path folder, String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigLoader loader(Map<String, String> environment) {
        return new ConfigLoader(ConnectorKinds.discover(), environment::get);
    }

    static ConfigLoader loader() {
        return loader(Map.of());
    }

    /** The problems of {@code yaml}, as {@code line:column: path: message}, without the file name. */
    static List<String> problems(Path folder, String yaml) {
        Path file = write(folder, "joinery.yaml", yaml);
        return loader().validate(file, false).stream()
                .map(p ->
                        p.line() + ":" + p.column() + ": " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message())
                .toList();
    }
}
