package dev.joinery.expr.eval;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.SourceSpan;
import dev.joinery.expr.Value;
import dev.joinery.expr.ast.Operator;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operators. {@code &&} and {@code ||} evaluate their right side only when it decides the result, which
 * shipped rules need ({@code Contains([proxyAddresses],"SMTP:") > 0 && InStr(Item([proxyAddresses], ...)}).
 * A comparison with NULL is NULL, which conditions read as False, as in VBA. Other operators apply per value
 * to a multi-valued operand.
 */
final class Operators {
    private Operators() {}

    static Evaluator binary(Operator op, Evaluator left, Evaluator right, SourceSpan span) {
        return switch (op) {
            case AND -> frame -> Value.of(truth(left.eval(frame), op, span) && truth(right.eval(frame), op, span));
            case OR -> frame -> Value.of(truth(left.eval(frame), op, span) || truth(right.eval(frame), op, span));
            default -> frame -> apply(op, left.eval(frame), right.eval(frame), span);
        };
    }

    static Evaluator negate(Evaluator operand, SourceSpan span) {
        return frame -> negate(operand.eval(frame), span);
    }

    private static Value negate(Value v, SourceSpan span) {
        {
            if (v instanceof Value.Multi m) {
                List<Value> out = new ArrayList<>(m.size());
                for (Value each : m.values()) {
                    out.add(negate(each, span));
                }
                return Value.multi(out);
            }
            if (v.isNull()) {
                return Value.NULL;
            }
            Long n = Coerce.numberOrNull(v);
            if (n == null) {
                throw new EvaluationException(
                        EvaluationException.Code.TYPE_MISMATCH, "'-' needs a number, not " + Coerce.describe(v), span);
            }
            if (n == Long.MIN_VALUE) {
                throw new EvaluationException(EvaluationException.Code.OVERFLOW, "'-' overflows 64 bits", span);
            }
            return Value.of(-n);
        }
    }

    private static boolean truth(Value v, Operator op, SourceSpan span) {
        Boolean b = Coerce.truthOrNull(v);
        if (b == null) {
            throw new EvaluationException(
                    EvaluationException.Code.TYPE_MISMATCH,
                    "'" + op.symbol() + "' needs a Boolean, not " + Coerce.describe(v),
                    span);
        }
        return b;
    }

    private static Value apply(Operator op, Value a, Value b, SourceSpan span) {
        if (a instanceof Value.Multi m && m.size() == 0) {
            a = Value.NULL;
        }
        if (b instanceof Value.Multi m && m.size() == 0) {
            b = Value.NULL;
        }
        if (a instanceof Value.Multi m) {
            List<Value> out = new ArrayList<>(m.size());
            for (Value v : m.values()) {
                out.add(apply(op, v, b, span));
            }
            return Value.multi(out);
        }
        if (b instanceof Value.Multi m) {
            List<Value> out = new ArrayList<>(m.size());
            for (Value v : m.values()) {
                out.add(apply(op, a, v, span));
            }
            return Value.multi(out);
        }
        if (op == Operator.CONCAT) {
            return concat(a, b, span);
        }
        if (op.isComparison()) {
            return compare(op, a, b, span);
        }
        return arithmetic(op, a, b, span);
    }

    /** NULL & NULL is NULL, as in VBA, so that [givenName] & [sn] with both absent contributes nothing. */
    private static Value concat(Value a, Value b, SourceSpan span) {
        if (a.isNull() && b.isNull()) {
            return Value.NULL;
        }
        byte[] ba = Coerce.binOrNull(a);
        byte[] bb = Coerce.binOrNull(b);
        if (ba != null || bb != null) {
            if ((ba == null && !a.isNull()) || (bb == null && !b.isNull())) {
                throw mismatch("'&' joins binary only with binary", a, b, span);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(ba == null ? new byte[0] : ba);
            out.writeBytes(bb == null ? new byte[0] : bb);
            return Value.ofBytes(out.toByteArray());
        }
        return Value.of(text(a, span) + text(b, span));
    }

    private static String text(Value v, SourceSpan span) {
        if (v.isNull()) {
            return "";
        }
        String s = Coerce.textOrNull(v);
        if (s == null) {
            throw new EvaluationException(
                    EvaluationException.Code.TYPE_MISMATCH, "'&' cannot make text of " + Coerce.describe(v), span);
        }
        return s;
    }

    /** NULL on either side gives NULL; numbers compare as numbers, text ordinally, binary by content. */
    private static Value compare(Operator op, Value a, Value b, SourceSpan span) {
        if (a.isNull() || b.isNull()) {
            return Value.NULL;
        }
        int c = order(a, b, op, span);
        boolean result =
                switch (op) {
                    case EQ -> c == 0;
                    case NE -> c != 0;
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    case GE -> c >= 0;
                    default -> throw new IllegalStateException(op.toString());
                };
        return Value.of(result);
    }

    private static int order(Value a, Value b, Operator op, SourceSpan span) {
        if (a instanceof Value.Str x && b instanceof Value.Str y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof Value.Int || b instanceof Value.Int) {
            Long x = Coerce.numberOrNull(a);
            Long y = Coerce.numberOrNull(b);
            if (x != null && y != null) {
                return Long.compare(x, y);
            }
        }
        if (a instanceof Value.Bool || b instanceof Value.Bool) {
            Boolean x = Coerce.truthOrNull(a);
            Boolean y = Coerce.truthOrNull(b);
            if (x != null && y != null) {
                return Boolean.compare(x, y);
            }
        }
        if (a instanceof Value.DateTime x && b instanceof Value.DateTime y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof Value.DateTime || b instanceof Value.DateTime) {
            throw mismatch("'" + op.symbol() + "' compares a date only with a date (use CDate)", a, b, span);
        }
        byte[] ba = Coerce.binOrNull(a);
        byte[] bb = Coerce.binOrNull(b);
        if (ba != null && bb != null) {
            return Arrays.compareUnsigned(ba, bb);
        }
        if (a instanceof Value.Ref x && b instanceof Value.Ref y) {
            return x.dn().compareToIgnoreCase(y.dn());
        }
        String x = ba == null ? Coerce.textOrNull(a) : null;
        String y = bb == null ? Coerce.textOrNull(b) : null;
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        throw mismatch("'" + op.symbol() + "' cannot compare these", a, b, span);
    }

    private static Value arithmetic(Operator op, Value a, Value b, SourceSpan span) {
        if (a.isNull() || b.isNull()) {
            return Value.NULL;
        }
        if (op == Operator.ADD && a instanceof Value.Str sa && b instanceof Value.Str sb) {
            return Value.of(sa.value() + sb.value()); // VBA: "1" + "2" is "12"
        }
        Long x = Coerce.numberOrNull(a);
        Long y = Coerce.numberOrNull(b);
        if (x == null || y == null) {
            throw mismatch("'" + op.symbol() + "' needs numbers", a, b, span);
        }
        try {
            return switch (op) {
                case ADD -> Value.of(Math.addExact(x, y));
                case SUBTRACT -> Value.of(Math.subtractExact(x, y));
                case MULTIPLY -> Value.of(Math.multiplyExact(x, y));
                case DIVIDE -> {
                    if (y == 0) {
                        throw new EvaluationException(
                                EvaluationException.Code.DIVISION_BY_ZERO, "division by zero", span);
                    }
                    if (x == Long.MIN_VALUE && y == -1) {
                        throw new ArithmeticException();
                    }
                    yield Value.of(x / y);
                }
                default -> throw new IllegalStateException(op.toString());
            };
        } catch (ArithmeticException e) {
            throw new EvaluationException(
                    EvaluationException.Code.OVERFLOW, "'" + op.symbol() + "' overflows 64 bits", span);
        }
    }

    private static EvaluationException mismatch(String what, Value a, Value b, SourceSpan span) {
        return new EvaluationException(
                EvaluationException.Code.TYPE_MISMATCH,
                what + ": " + Coerce.describe(a) + " and " + Coerce.describe(b),
                span);
    }
}
