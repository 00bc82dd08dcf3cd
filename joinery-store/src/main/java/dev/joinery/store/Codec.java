package dev.joinery.store;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.engine.model.Contributor;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.Link;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvAttribute;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.model.PendingImport;
import dev.joinery.engine.model.RunCounts;
import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStatus;
import dev.joinery.engine.model.RunStep;
import dev.joinery.engine.rules.Direction;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The compact binary form the store keeps records in: a format version byte, then the fields in declaration order;
 * strings as UTF-8 with a length, enums by name, nullable fields behind a presence flag. Faster to write and read
 * than JSON and about half its size. Stateless and thread-safe.
 */
final class Codec {
    private static final byte VERSION = 1;

    private Codec() {}

    // ---- records ----

    static byte[] cs(CsObject o) {
        return write(out -> {
            out.uuid(o.id());
            out.string(o.connector());
            out.nullable(o.anchor() == null ? null : o.anchor().value());
            out.string(o.dn());
            out.string(o.objectType());
            out.attributes(o.attributes());
            Link l = o.link();
            out.flag(l != null);
            if (l != null) {
                out.uuid(l.mvId());
                out.string(l.rule());
                out.string(l.direction().name());
                out.string(l.kind().name());
            }
            out.string(o.pendingImport().name());
            out.attributes(o.exportMemory());
            out.attributes(o.quarantined());
        });
    }

    static CsObject cs(byte[] bytes) {
        In in = new In(bytes);
        UUID id = in.uuid();
        String connector = in.string();
        String anchor = in.nullable();
        String dn = in.string();
        String type = in.string();
        Map<String, List<AttributeValue>> attributes = in.attributes();
        Link link = in.flag()
                ? new Link(in.uuid(), in.string(), Direction.valueOf(in.string()), LinkKind.valueOf(in.string()))
                : null;
        PendingImport pending = PendingImport.valueOf(in.string());
        return new CsObject(
                id,
                connector,
                anchor == null ? null : Anchor.of(anchor),
                dn,
                type,
                attributes,
                link,
                pending,
                in.attributes(),
                in.attributes());
    }

    static byte[] mv(MvObject o) {
        return write(out -> {
            out.uuid(o.id());
            out.string(o.objectType());
            out.integer(o.attributes().size());
            for (Map.Entry<String, MvAttribute> e : o.attributes().entrySet()) {
                out.string(e.getKey());
                out.values(e.getValue().values());
                Contributor c = e.getValue().contributor();
                out.string(c.rule());
                out.string(c.connector());
                out.nullable(c.anchor() == null ? null : c.anchor().value());
            }
        });
    }

    static MvObject mv(byte[] bytes) {
        In in = new In(bytes);
        UUID id = in.uuid();
        String type = in.string();
        int n = in.integer();
        Map<String, MvAttribute> attributes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.string();
            List<AttributeValue> values = in.values();
            String rule = in.string();
            String connector = in.string();
            String anchor = in.nullable();
            attributes.put(
                    name,
                    new MvAttribute(
                            values, new Contributor(rule, connector, anchor == null ? null : Anchor.of(anchor))));
        }
        return new MvObject(id, type, attributes);
    }

    static byte[] export(PendingExport p) {
        return write(out -> {
            out.string(p.connector());
            out.uuid(p.csId());
            out.nullable(p.anchor() == null ? null : p.anchor().value());
            out.string(p.dn());
            out.string(p.objectType());
            out.string(p.kind().name());
            out.nullable(p.newDn());
            out.integer(p.changes().size());
            for (AttributeChange c : p.changes()) {
                out.string(c.name());
                out.string(c.operation().name());
                out.values(c.values());
            }
            out.integer(p.attempts());
            ConnectorError e = p.lastError();
            out.flag(e != null);
            if (e != null) {
                out.string(e.code().name());
                out.flag(e.retriable());
                out.string(e.message());
                out.nullable(e.attribute());
            }
        });
    }

    static PendingExport export(byte[] bytes) {
        In in = new In(bytes);
        String connector = in.string();
        UUID csId = in.uuid();
        String anchor = in.nullable();
        String dn = in.string();
        String type = in.string();
        PendingExport.Kind kind = PendingExport.Kind.valueOf(in.string());
        String newDn = in.nullable();
        int n = in.integer();
        List<AttributeChange> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            changes.add(new AttributeChange(in.string(), AttributeChange.Operation.valueOf(in.string()), in.values()));
        }
        int attempts = in.integer();
        ConnectorError error = in.flag()
                ? new ConnectorError(ConnectorError.Code.valueOf(in.string()), in.flag(), in.string(), in.nullable())
                : null;
        return new PendingExport(
                connector,
                csId,
                anchor == null ? null : Anchor.of(anchor),
                dn,
                type,
                kind,
                newDn,
                changes,
                attempts,
                error);
    }

    static byte[] run(RunRecord r) {
        return write(out -> {
            out.uuid(r.id());
            out.string(r.step().name());
            out.string(r.connector());
            out.instant(r.start());
            out.flag(r.end() != null);
            if (r.end() != null) {
                out.instant(r.end());
            }
            out.string(r.status().name());
            RunCounts c = r.counts();
            for (int v : new int[] {
                c.processed(),
                c.adds(),
                c.updates(),
                c.renames(),
                c.deletes(),
                c.joins(),
                c.projections(),
                c.provisions(),
                c.disconnectors(),
                c.exported(),
                c.errors(),
                c.warnings()
            }) {
                out.integer(v);
            }
            out.nullable(r.message());
        });
    }

    static RunRecord run(byte[] bytes) {
        In in = new In(bytes);
        UUID id = in.uuid();
        RunStep step = RunStep.valueOf(in.string());
        String connector = in.string();
        Instant start = in.instant();
        Instant end = in.flag() ? in.instant() : null;
        RunStatus status = RunStatus.valueOf(in.string());
        int[] c = new int[12];
        for (int i = 0; i < c.length; i++) {
            c[i] = in.integer();
        }
        RunCounts counts = new RunCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11]);
        return new RunRecord(id, step, connector, start, end, status, counts, in.nullable());
    }

    static byte[] error(ObjectError e) {
        return write(out -> {
            out.uuid(e.runId());
            out.string(e.code().name());
            out.string(e.message());
            out.nullable(e.connector());
            out.nullableUuid(e.csId());
            out.nullable(e.dn());
            out.nullableUuid(e.mvId());
            out.nullable(e.rule());
            out.nullable(e.attribute());
        });
    }

    static ObjectError error(byte[] bytes) {
        In in = new In(bytes);
        return new ObjectError(
                in.uuid(),
                ErrorCode.valueOf(in.string()),
                in.string(),
                in.nullable(),
                in.nullableUuid(),
                in.nullable(),
                in.nullableUuid(),
                in.nullable(),
                in.nullable());
    }

    // ---- primitives ----

    private interface Body {
        void write(Out out) throws IOException;
    }

    private static byte[] write(Body body) {
        try {
            Out out = new Out();
            out.data.writeByte(VERSION);
            body.write(out);
            return out.buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Out {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        final DataOutputStream data = new DataOutputStream(buffer);

        void uuid(UUID id) throws IOException {
            data.writeLong(id.getMostSignificantBits());
            data.writeLong(id.getLeastSignificantBits());
        }

        void nullableUuid(UUID id) throws IOException {
            flag(id != null);
            if (id != null) {
                uuid(id);
            }
        }

        void flag(boolean b) throws IOException {
            data.writeBoolean(b);
        }

        void integer(int n) throws IOException {
            data.writeInt(n);
        }

        void string(String s) throws IOException {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) throws IOException {
            data.writeInt(b.length);
            data.write(b);
        }

        void nullable(String s) throws IOException {
            flag(s != null);
            if (s != null) {
                string(s);
            }
        }

        void instant(Instant t) throws IOException {
            data.writeLong(t.getEpochSecond());
            data.writeInt(t.getNano());
        }

        void attributes(Map<String, List<AttributeValue>> map) throws IOException {
            integer(map.size());
            for (Map.Entry<String, List<AttributeValue>> e : map.entrySet()) {
                string(e.getKey());
                values(e.getValue());
            }
        }

        void values(List<AttributeValue> values) throws IOException {
            integer(values.size());
            for (AttributeValue v : values) {
                value(v);
            }
        }

        void value(AttributeValue v) throws IOException {
            if (v instanceof AttributeValue.Text t) {
                data.writeByte('s');
                string(t.value());
            } else if (v instanceof AttributeValue.Integer n) {
                data.writeByte('i');
                data.writeLong(n.value());
            } else if (v instanceof AttributeValue.Bool b) {
                data.writeByte('b');
                flag(b.value());
            } else if (v instanceof AttributeValue.Binary b) {
                data.writeByte('x');
                bytes(b.bytes());
            } else if (v instanceof AttributeValue.Reference r) {
                data.writeByte('r');
                string(r.dn());
            } else if (v instanceof AttributeValue.Timestamp t) {
                data.writeByte('t');
                instant(t.value());
            } else {
                throw new IllegalArgumentException("unknown value type " + v.getClass());
            }
        }
    }

    private static final class In {
        private final byte[] b;
        private int p;

        In(byte[] bytes) {
            this.b = bytes;
            if (bytes.length == 0 || bytes[0] != VERSION) {
                throw new IllegalStateException("unknown record format " + (bytes.length == 0 ? "(empty)" : bytes[0]));
            }
            this.p = 1;
        }

        long longValue() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (b[p++] & 0xff);
            }
            return v;
        }

        int integer() {
            int v = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            p += 4;
            return v;
        }

        boolean flag() {
            return b[p++] != 0;
        }

        UUID uuid() {
            long hi = longValue();
            return new UUID(hi, longValue());
        }

        UUID nullableUuid() {
            return flag() ? uuid() : null;
        }

        byte[] bytes() {
            int n = integer();
            byte[] out = new byte[n];
            System.arraycopy(b, p, out, 0, n);
            p += n;
            return out;
        }

        String string() {
            int n = integer();
            String s = new String(b, p, n, StandardCharsets.UTF_8);
            p += n;
            return s;
        }

        String nullable() {
            return flag() ? string() : null;
        }

        Instant instant() {
            long s = longValue();
            return Instant.ofEpochSecond(s, integer());
        }

        Map<String, List<AttributeValue>> attributes() {
            int n = integer();
            Map<String, List<AttributeValue>> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = string();
                map.put(name, values());
            }
            return map;
        }

        List<AttributeValue> values() {
            int n = integer();
            List<AttributeValue> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(value());
            }
            return list;
        }

        AttributeValue value() {
            byte type = b[p++];
            switch (type) {
                case 's':
                    return AttributeValue.text(string());
                case 'i':
                    return AttributeValue.integer(longValue());
                case 'b':
                    return AttributeValue.bool(flag());
                case 'x':
                    return AttributeValue.binary(bytes());
                case 'r':
                    return AttributeValue.reference(string());
                case 't':
                    return AttributeValue.timestamp(instant());
                default:
                    throw new IllegalStateException("unknown value type " + (char) type);
            }
        }
    }
}
