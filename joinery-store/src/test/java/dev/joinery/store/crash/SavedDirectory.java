package dev.joinery.store.crash;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.Export;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import dev.joinery.testkit.InMemoryConnector;
import dev.joinery.testkit.InMemoryDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target directory that outlives its process: an {@link InMemoryDirectory} written to a text file (one line per
 * object, text values only) after every export batch, by an atomic rename. Not thread-safe.
 */
final class SavedDirectory {
    private final Path file;
    private final InMemoryDirectory directory;
    private final long[] next;

    private SavedDirectory(Path file, InMemoryDirectory directory, long[] next) {
        this.file = file;
        this.directory = directory;
        this.next = next;
    }

    static SavedDirectory load(Path file) {
        Deque<Anchor> saved = new ArrayDeque<>();
        long[] next = {1};
        InMemoryDirectory directory = InMemoryDirectory.builder()
                .anchors(() -> saved.isEmpty() ? Anchor.of("cloud-" + next[0]++) : saved.removeFirst())
                .build();
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                next[0] = Long.parseLong(lines.get(0));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split("\t", -1);
                    Map<String, List<AttributeValue>> a = new LinkedHashMap<>();
                    for (int i = 3; i + 1 < f.length; i += 2) {
                        List<AttributeValue> values = new ArrayList<>();
                        for (String v : f[i + 1].split("\u001f", -1)) {
                            values.add(AttributeValue.text(v));
                        }
                        a.put(f[i], values);
                    }
                    saved.add(Anchor.of(f[0]));
                    directory.add(f[1], f[2], a);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SavedDirectory(file, directory, next);
    }

    /** Every object, as a line without the anchor: what the comparison of two runs looks at. */
    static List<String> contents(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : all.subList(1, all.size())) {
            lines.add(line.substring(line.indexOf('\t') + 1));
        }
        lines.sort(null);
        return lines;
    }

    void save() {
        StringBuilder out = new StringBuilder().append(next[0]).append('\n');
        for (ConnectorObject o : directory.objects()) {
            out.append(o.anchor().value())
                    .append('\t')
                    .append(o.objectType())
                    .append('\t')
                    .append(o.dn());
            o.attributes().forEach((name, values) -> {
                out.append('\t').append(name).append('\t');
                for (int i = 0; i < values.size(); i++) {
                    out.append(i == 0 ? "" : "\u001f").append(values.get(i));
                }
            });
            out.append('\n');
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connector connector() {
        return new Saving(InMemoryConnector.builder(directory).maxBatchSize(10).build());
    }

    private final class Saving implements Connector, FullImport, Export {
        private final InMemoryConnector delegate;

        Saving(InMemoryConnector delegate) {
            this.delegate = delegate;
        }

        @Override
        public void open(ConnectorContext context) {
            delegate.open(context);
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public Watermark fullImport(ImportSink sink) {
            return delegate.fullImport(sink);
        }

        @Override
        public int maxBatchSize() {
            return delegate.maxBatchSize();
        }

        @Override
        public List<ExportResult> export(List<ExportChange> batch) {
            List<ExportResult> results = delegate.export(batch);
            save();
            return results;
        }
    }
}
