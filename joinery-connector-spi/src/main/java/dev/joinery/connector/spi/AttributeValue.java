package dev.joinery.connector.spi;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One value of an attribute as a directory holds it. The types are those a metaverse attribute can have:
 * text, integer, Boolean, binary, a reference to another object (by DN), and a timestamp.
 */
public sealed interface AttributeValue
        permits AttributeValue.Text,
                AttributeValue.Integer,
                AttributeValue.Bool,
                AttributeValue.Binary,
                AttributeValue.Reference,
                AttributeValue.Timestamp {

    AttributeType type();

    static Text text(String value) {
        return new Text(value);
    }

    static Integer integer(long value) {
        return new Integer(value);
    }

    static Bool bool(boolean value) {
        return new Bool(value);
    }

    static Binary binary(byte[] value) {
        return new Binary(value);
    }

    static Reference reference(String dn) {
        return new Reference(dn);
    }

    static Timestamp timestamp(Instant value) {
        return new Timestamp(value);
    }

    record Text(String value) implements AttributeValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public AttributeType type() {
            return AttributeType.STRING;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    record Integer(long value) implements AttributeValue {
        @Override
        public AttributeType type() {
            return AttributeType.INTEGER;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    record Bool(boolean value) implements AttributeValue {
        @Override
        public AttributeType type() {
            return AttributeType.BOOLEAN;
        }

        @Override
        public String toString() {
            return value ? "TRUE" : "FALSE";
        }
    }

    /** Bytes, copied in and out; equality by content; shown as base64. */
    final class Binary implements AttributeValue {
        private final byte[] bytes;

        private Binary(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        @Override
        public AttributeType type() {
            return AttributeType.BINARY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return Base64.getEncoder().encodeToString(bytes);
        }
    }

    /** A reference to another object of the same directory, by DN (member, manager). */
    record Reference(String dn) implements AttributeValue {
        public Reference {
            Objects.requireNonNull(dn, "dn");
        }

        @Override
        public AttributeType type() {
            return AttributeType.REFERENCE;
        }

        @Override
        public String toString() {
            return dn;
        }
    }

    record Timestamp(Instant value) implements AttributeValue {
        public Timestamp {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public AttributeType type() {
            return AttributeType.TIMESTAMP;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }
}
