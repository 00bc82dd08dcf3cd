package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.Param.OPTION;
import static dev.joinery.expr.eval.Param.SCALAR;
import static dev.joinery.expr.eval.Param.WHOLE;

import dev.joinery.expr.EvaluationException.Code;
import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The Multi-valued functions, which take an attribute whole; a single value counts as a list of one. Indexes
 * are 1-based. Also {@code ValueCount("attr")}, which Microsoft's shipped group rule uses undocumented.
 */
final class MultiValuedFunctions {
    private MultiValuedFunctions() {}

    private static final String CATEGORY = "Multi-valued";

    static void register(FunctionLibrary.Builder b) {
        // "For multi-valued string attributes, the search finds substrings in the values. For reference
        // attributes, the searched string must exactly match the value."
        b.function("Contains", CATEGORY, "num Contains(mvstring attribute, str search[, enum Casetype])")
                .args(WHOLE, SCALAR)
                .optional(OPTION)
                .validate(s -> s.argCount() < 3
                                || s.options[2].equals("CaseInsensitive")
                                || s.options[2].equals("CaseSensitive")
                        ? null
                        : new FunctionSpec.Problem(
                                2, "the case type is CaseInsensitive or CaseSensitive, not " + s.options[2]))
                .strict((s, a, f) -> {
                    if (a[1].isNull()) {
                        return Value.of(0);
                    }
                    boolean ignoreCase = a.length > 2 && "CaseInsensitive".equals(s.options[2]);
                    String search = Coerce.str(s, 1, a[1]);
                    if (ignoreCase) {
                        search = search.toLowerCase(Locale.ROOT);
                    }
                    List<Value> values = values(a[0]);
                    for (int i = 0; i < values.size(); i++) {
                        Value v = values.get(i);
                        String text = Coerce.textOrNull(v);
                        if (text == null) {
                            continue;
                        }
                        if (ignoreCase) {
                            text = text.toLowerCase(Locale.ROOT);
                        }
                        boolean hit = v instanceof Value.Ref
                                ? (ignoreCase ? text.equals(search) : text.equals(search))
                                : text.contains(search);
                        if (hit) {
                            return Value.of(i + 1);
                        }
                    }
                    return Value.of(0);
                });
        b.function("Count", CATEGORY, "num Count(mvstr attribute)")
                .args(WHOLE)
                .strict((s, a, f) -> Value.of(values(a[0]).size()));
        b.function("Item", CATEGORY, "var Item(mvstr attribute, num index)")
                .args(WHOLE, SCALAR)
                .strict((s, a, f) -> item(s, a, true));
        b.function("ItemOrNull", CATEGORY, "var ItemOrNull(mvstr attribute, num index)")
                .args(WHOLE, SCALAR)
                .strict((s, a, f) -> item(s, a, false));
        // "If the Delimiter parameter is omitted, the space character is used."
        b.function("Join", CATEGORY, "str Join(mvstr attribute[, str Delimiter])")
                .args(WHOLE)
                .optional(SCALAR)
                .strict((s, a, f) -> {
                    if (a[0].isNull()) {
                        return Value.NULL;
                    }
                    String delimiter = a.length < 2 ? " " : a[1].isNull() ? "" : Coerce.str(s, 1, a[1]);
                    StringBuilder out = new StringBuilder();
                    List<Value> values = values(a[0]);
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) {
                            out.append(delimiter);
                        }
                        out.append(Coerce.str(s, 0, values.get(i)));
                    }
                    return Value.of(out.toString());
                });
        // Case-sensitive: proxyAddresses "SMTP:a@x" (primary) and "smtp:a@x" (secondary) differ.
        b.function("RemoveDuplicates", CATEGORY, "mvstr RemoveDuplicates(mvstr attribute)")
                .args(WHOLE)
                .strict((s, a, f) ->
                        a[0].isNull() ? Value.NULL : Value.multi(new ArrayList<>(new LinkedHashSet<>(values(a[0])))));
        b.function("Split", CATEGORY, "mvstr Split(str value, str delimiter[, num limit])")
                .args(SCALAR, SCALAR)
                .optional(SCALAR)
                .strict(MultiValuedFunctions::split);
        b.function("ValueCount", CATEGORY, "num ValueCount(str attributeName)")
                .args(SCALAR)
                .strict((s, a, f) -> Value.of(
                        values(f.context.attribute(Coerce.str(s, 0, a[0]))).size()));
    }

    static List<Value> values(Value v) {
        if (v instanceof Value.Multi m) {
            return m.values();
        }
        return v.isNull() ? List.of() : List.of(v);
    }

    private static Value item(Site s, Value[] a, boolean strict) {
        List<Value> values = values(a[0]);
        long index = Coerce.num(s, 1, a[1]);
        if (index < 1 || index > values.size()) {
            if (!strict) {
                return Value.NULL;
            }
            throw s.error(
                    Code.INDEX_OUT_OF_RANGE,
                    "index " + index + " is out of bounds: there "
                            + (values.size() == 1 ? "is 1 value" : "are " + values.size() + " values"));
        }
        return values.get((int) index - 1);
    }

    /** Split at every occurrence of the delimiter; with a limit, the last value holds the rest (as .NET). */
    private static Value split(Site s, Value[] a, Frame f) {
        if (a[0].isNull()) {
            return Value.NULL;
        }
        String text = Coerce.str(s, 0, a[0]);
        String delimiter = a[1].isNull() ? "" : Coerce.str(s, 1, a[1]);
        if (delimiter.length() != 1) {
            // "Split can only separate strings using a single character delimiter."
            throw s.error(Code.INVALID_ARGUMENT, "the delimiter must be a single character, not \"" + delimiter + "\"");
        }
        long limit = a.length > 2 && !a[2].isNull() ? Coerce.num(s, 2, a[2]) : Integer.MAX_VALUE;
        if (limit < 1) {
            throw s.error(Code.INVALID_ARGUMENT, "the limit must be 1 or more, not " + limit);
        }
        List<Value> out = new ArrayList<>();
        int from = 0;
        while (out.size() < limit - 1) {
            int at = text.indexOf(delimiter, from);
            if (at < 0) {
                break;
            }
            out.add(Value.of(text.substring(from, at)));
            from = at + delimiter.length();
        }
        out.add(Value.of(text.substring(from)));
        return Value.multi(out);
    }
}
