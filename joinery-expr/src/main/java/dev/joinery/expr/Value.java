package dev.joinery.expr;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A value of the expression language: what an attribute holds, a literal denotes or a function returns.
 *
 * <p>The types are those of the functions reference ("bin, bool, dt, num, ref, str" and their multi-valued
 * forms) plus GUIDs and the three flow markers of declarative provisioning: {@link #NULL} (nothing to
 * contribute), {@link #AUTHORITATIVE_NULL} (nothing, and no lower-precedence rule may contribute) and
 * {@link #IGNORE_THIS_FLOW} (leave the target as it is).
 *
 * <p>All implementations are immutable and thread-safe. Binary values copy their bytes on the way in and
 * out. This interface is sealed: the set of types is part of the language.
 */
public sealed interface Value
        permits Value.Special,
                Value.Str,
                Value.Int,
                Value.Bool,
                Value.Bin,
                Value.DateTime,
                Value.Guid,
                Value.Ref,
                Value.Multi {

    /** The type of a value, as named in messages and in {@code --json} output. */
    enum Type {
        NULL("null"),
        AUTHORITATIVE_NULL("AuthoritativeNull"),
        IGNORE_THIS_FLOW("IgnoreThisFlow"),
        STRING("str"),
        INTEGER("num"),
        BOOLEAN("bool"),
        BINARY("bin"),
        DATE_TIME("dt"),
        GUID("guid"),
        REFERENCE("ref"),
        MULTI("multi-valued");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** The short name used in the functions reference ({@code str}, {@code num}, ...). */
        public String label() {
            return label;
        }
    }

    /** No value: the flow contributes nothing and a lower-precedence rule may contribute. */
    Special NULL = new Special(Type.NULL);
    /** No value, and no lower-precedence rule may contribute one. */
    Special AUTHORITATIVE_NULL = new Special(Type.AUTHORITATIVE_NULL);
    /** The flow is as if it did not exist: the target keeps what it has. */
    Special IGNORE_THIS_FLOW = new Special(Type.IGNORE_THIS_FLOW);

    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);

    Type type();

    /** True for NULL, AuthoritativeNull and IgnoreThisFlow, and for an empty multi-valued list. */
    default boolean isNull() {
        return false;
    }

    static Str of(String value) {
        return new Str(value);
    }

    static Int of(long value) {
        return value >= -128 && value <= 1023 ? Int.SMALL[(int) value + 128] : new Int(value);
    }

    static Bool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static Bin ofBytes(byte[] value) {
        return new Bin(value);
    }

    static DateTime of(Instant value) {
        return new DateTime(value);
    }

    static Guid of(UUID value) {
        return new Guid(value);
    }

    static Ref ref(String dn) {
        return new Ref(dn);
    }

    /** A multi-valued value; NULL elements are dropped, so an all-NULL list is empty. */
    static Multi multi(List<? extends Value> values) {
        return Multi.of(values);
    }

    /** One of the three markers; they carry no data. */
    record Special(Type type) implements Value {
        public Special {
            if (type != Type.NULL && type != Type.AUTHORITATIVE_NULL && type != Type.IGNORE_THIS_FLOW) {
                throw new IllegalArgumentException("not a special value type: " + type);
            }
        }

        @Override
        public boolean isNull() {
            return true;
        }

        @Override
        public String toString() {
            return type == Type.NULL ? "NULL" : type.label();
        }
    }

    record Str(String value) implements Value {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Type type() {
            return Type.STRING;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** A 64-bit signed integer (the reference's {@code num}). */
    record Int(long value) implements Value {
        private static final Int[] SMALL = new Int[128 + 1024];

        static {
            for (int i = 0; i < SMALL.length; i++) {
                SMALL[i] = new Int(i - 128);
            }
        }

        @Override
        public Type type() {
            return Type.INTEGER;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public Type type() {
            return Type.BOOLEAN;
        }

        @Override
        public String toString() {
            return value ? "True" : "False";
        }
    }

    /** A byte array; equality is by content. */
    final class Bin implements Value {
        private final byte[] bytes;

        private Bin(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        /** A copy of the bytes. */
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        /** The byte at {@code index} (0-based), as 0..255. */
        public int byteAt(int index) {
            return bytes[index] & 0xFF;
        }

        @Override
        public Type type() {
            return Type.BINARY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bin other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return HexFormat.of().withUpperCase().formatHex(bytes);
        }
    }

    /** A UTC instant (the reference's {@code dt}). */
    record DateTime(Instant value) implements Value {
        public DateTime {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Type type() {
            return Type.DATE_TIME;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A GUID; its binary form uses the byte order of .NET's {@code Guid.ToByteArray()}, as AD's objectGUID. */
    record Guid(UUID value) implements Value {
        public Guid {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Type type() {
            return Type.GUID;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A reference to another directory object by its distinguished name (the reference's {@code ref}). */
    record Ref(String dn) implements Value {
        public Ref {
            Objects.requireNonNull(dn, "dn");
        }

        @Override
        public Type type() {
            return Type.REFERENCE;
        }

        @Override
        public String toString() {
            return dn;
        }
    }

    /** An ordered list of values of a multi-valued attribute; never holds NULL or another list. */
    record Multi(List<Value> values) implements Value {
        public static final Multi EMPTY = new Multi(List.of());

        public Multi {
            values = List.copyOf(values);
            for (Value v : values) {
                if (v.isNull() || v instanceof Multi) {
                    throw new IllegalArgumentException("a multi-valued value holds only plain values, not " + v);
                }
            }
        }

        /** Builds a list, dropping NULL markers and flattening nested lists. */
        public static Multi of(List<? extends Value> values) {
            java.util.ArrayList<Value> flat = new java.util.ArrayList<>(values.size());
            for (Value v : values) {
                if (v instanceof Multi m) {
                    flat.addAll(m.values);
                } else if (!v.isNull()) {
                    flat.add(v);
                }
            }
            return new Multi(flat);
        }

        public int size() {
            return values.size();
        }

        @Override
        public boolean isNull() {
            return values.isEmpty();
        }

        @Override
        public Type type() {
            return Type.MULTI;
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }
}
