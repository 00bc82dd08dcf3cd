package dev.joinery.bench.sync;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.Connector;
import dev.joinery.connector.spi.ConnectorContext;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.DeltaImport;
import dev.joinery.connector.spi.FullImport;
import dev.joinery.connector.spi.ImportChange;
import dev.joinery.connector.spi.ImportSink;
import dev.joinery.connector.spi.Watermark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HR source whose objects are computed, not held: object {@code i} of version {@code v} is a pure function of
 * both, so a million objects cost no heap. Each {@link #change()} gives a new title to 1% of the objects; a delta
 * import from the previous version's watermark returns exactly those.
 */
final class GeneratedSource implements Connector, FullImport, DeltaImport {
    private final int size;
    private int version;

    GeneratedSource(int size) {
        this.size = size;
    }

    /** The next version: every hundredth object (a different hundredth each time) changes its title. */
    void change() {
        version++;
    }

    int changedPerVersion() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += changed(i, version) ? 1 : 0;
        }
        return n;
    }

    private static boolean changed(int i, int v) {
        return v > 0 && i % 100 == v % 100;
    }

    static String dn(int i) {
        return "CN=User " + i + ",OU=Users,DC=hr,DC=example";
    }

    ConnectorObject object(int i) {
        Map<String, List<AttributeValue>> a = new LinkedHashMap<>();
        a.put("employeeID", List.of(AttributeValue.text(String.format(Locale.ROOT, "E%08d", i))));
        a.put("givenName", List.of(AttributeValue.text("Given" + i)));
        a.put("sn", List.of(AttributeValue.text("Family" + (i % 5000))));
        a.put("department", List.of(AttributeValue.text("Department " + (i % 50))));
        int titleVersion = 0;
        for (int v = version; v > 0; v--) {
            if (changed(i, v)) {
                titleVersion = v;
                break;
            }
        }
        a.put("title", List.of(AttributeValue.text("Title " + (i % 20) + " r" + titleVersion)));
        a.put("employeeType", List.of(AttributeValue.text(i % 10 == 0 ? "Contractor" : "Employee")));
        if (i > 0) {
            a.put("manager", List.of(AttributeValue.reference(dn(i / 10))));
        }
        return new ConnectorObject(Anchor.of(String.format(Locale.ROOT, "hr-%08d", i)), dn(i), "user", a);
    }

    @Override
    public void open(ConnectorContext context) {}

    @Override
    public void close() {}

    @Override
    public Watermark fullImport(ImportSink sink) {
        for (int i = 0; i < size; i++) {
            sink.accept(ImportChange.upsert(object(i)));
        }
        return new Watermark("v" + version);
    }

    @Override
    public Watermark deltaImport(Watermark since, ImportSink sink) {
        int from = Integer.parseInt(since.token().substring(1));
        for (int i = 0; i < size; i++) {
            for (int v = from + 1; v <= version; v++) {
                if (changed(i, v)) {
                    sink.accept(ImportChange.upsert(object(i)));
                    break;
                }
            }
        }
        return new Watermark("v" + version);
    }
}
