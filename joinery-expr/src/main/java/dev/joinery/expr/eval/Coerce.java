package dev.joinery.expr.eval;

import dev.joinery.expr.Value;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.UUID;

/**
 * The conversions a function applies to its arguments. The language is strongly typed, with the implicit
 * conversions VBA makes and that real rules rely on: a number written as text is a number (attributes read
 * from LDAP as text), a number or Boolean is text where text is expected, a DN reference is text. Anything
 * else is a {@code TYPE_MISMATCH}.
 */
final class Coerce {
    private Coerce() {}

    static String describe(Value v) {
        if (v.isNull()) {
            return v.type() == Value.Type.MULTI ? "an empty multi-valued value" : v.toString();
        }
        String shown = v.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return v.type().label() + " " + (v instanceof Value.Str ? "\"" + shown + "\"" : shown);
    }

    /** Text of a single value, or Java null when the value is not text-like. */
    static String textOrNull(Value v) {
        if (v instanceof Value.Str s) {
            return s.value();
        } else if (v instanceof Value.Ref r) {
            return r.dn();
        } else if (v instanceof Value.Int i) {
            return Long.toString(i.value());
        } else if (v instanceof Value.Bool b) {
            return b.value() ? "True" : "False";
        } else if (v instanceof Value.Guid g) {
            return g.value().toString();
        } else if (v instanceof Value.DateTime d) {
            return DotNetDates.defaultString(d.value());
        }
        return null;
    }

    static String str(Site site, int index, Value v) {
        String s = textOrNull(v);
        if (s == null) {
            throw site.typeMismatch(index, "str", v);
        }
        return s;
    }

    /** A 64-bit integer, or Java null when the value is not a number and not text that is one. */
    static Long numberOrNull(Value v) {
        if (v instanceof Value.Int i) {
            return i.value();
        } else if (v instanceof Value.Str s) {
            return parseInteger(s.value());
        } else if (v instanceof Value.Bool b) {
            return b.value() ? -1L : 0L; // VBA's True is -1
        }
        return null;
    }

    static Long parseInteger(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (t.length() > 2 && (t.startsWith("&H") || t.startsWith("&h"))) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long num(Site site, int index, Value v) {
        Long n = numberOrNull(v);
        if (n == null) {
            throw site.typeMismatch(index, "num", v);
        }
        return n;
    }

    /** VBA's truth: a Boolean, a non-zero number, "True"/"False"; NULL is False. */
    static Boolean truthOrNull(Value v) {
        if (v instanceof Value.Bool b) {
            return b.value();
        } else if (v.isNull() && !(v instanceof Value.Multi)) {
            return false;
        } else if (v instanceof Value.Int i) {
            return i.value() != 0;
        } else if (v instanceof Value.Str s) {
            String t = s.value().strip();
            if (t.equalsIgnoreCase("true")) {
                return true;
            } else if (t.equalsIgnoreCase("false")) {
                return false;
            }
            Long n = parseInteger(t);
            return n == null ? null : n != 0;
        }
        return null;
    }

    static boolean bool(Site site, int index, Value v) {
        Boolean b = truthOrNull(v);
        if (b == null) {
            throw site.typeMismatch(index, "bool", v);
        }
        return b;
    }

    /** Bytes of a binary value; a GUID gives its .NET byte order. */
    static byte[] binOrNull(Value v) {
        if (v instanceof Value.Bin b) {
            return b.bytes();
        } else if (v instanceof Value.Guid g) {
            return guidBytes(g.value());
        }
        return null;
    }

    static byte[] bin(Site site, int index, Value v) {
        byte[] b = binOrNull(v);
        if (b == null) {
            throw site.typeMismatch(index, "bin", v);
        }
        return b;
    }

    static java.time.Instant dt(Site site, int index, Value v) {
        if (v instanceof Value.DateTime d) {
            return d.value();
        }
        throw site.typeMismatch(index, "dt", v);
    }

    /** A DN from a reference, or from text (CRef is implicit where a ref is expected). */
    static String ref(Site site, int index, Value v) {
        if (v instanceof Value.Ref r) {
            return r.dn();
        } else if (v instanceof Value.Str s) {
            return s.value();
        }
        throw site.typeMismatch(index, "ref", v);
    }

    /** .NET's {@code Guid.ToByteArray()}: the first three fields little-endian, the last eight bytes as written. */
    static byte[] guidBytes(UUID uuid) {
        ByteBuffer big = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        big.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        byte[] b = big.array();
        return new byte[] {
            b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
        };
    }

    /** The inverse of {@link #guidBytes(UUID)}. */
    static UUID guidFromBytes(byte[] n) {
        byte[] b = {n[3], n[2], n[1], n[0], n[5], n[4], n[7], n[6], n[8], n[9], n[10], n[11], n[12], n[13], n[14], n[15]
        };
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong());
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
