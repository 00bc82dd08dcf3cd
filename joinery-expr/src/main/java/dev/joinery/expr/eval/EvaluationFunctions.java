package dev.joinery.expr.eval;

import static dev.joinery.expr.eval.Param.SCALAR;
import static dev.joinery.expr.eval.Param.WHOLE;

import dev.joinery.expr.Value;

/**
 * The Evaluation functions. The presence tests take an attribute whole, whatever its type: "For an
 * attribute, a Null is expressed by the absence of the attribute."
 */
final class EvaluationFunctions {
    private EvaluationFunctions() {}

    private static final String CATEGORY = "Evaluation";

    static void register(FunctionLibrary.Builder b) {
        // "IsBitSet(&HF,4) Returns True because bit "4" is set": the flag is a mask; every bit of it must be set.
        b.function("IsBitSet", CATEGORY, "bool IsBitSet(num value, num flag)")
                .args(SCALAR, SCALAR)
                .strict((s, a, f) -> {
                    if (a[0].isNull() || a[1].isNull()) {
                        return Value.FALSE;
                    }
                    long flag = Coerce.num(s, 1, a[1]);
                    return Value.of((Coerce.num(s, 0, a[0]) & flag) == flag);
                });
        b.function("IsEmpty", CATEGORY, "bool IsEmpty(var Expression)")
                .args(WHOLE)
                .strict((s, a, f) -> Value.of(!a[0].isNull() && allEmpty(a[0])));
        b.function("IsGuid", CATEGORY, "bool IsGuid(str GUID)").args(SCALAR).strict((s, a, f) -> {
            if (a[0] instanceof Value.Guid) {
                return Value.TRUE;
            }
            String t = a[0] instanceof Value.Str str ? str.value().strip() : null;
            return Value.of(
                    t != null && ConversionFunctions.GUID.matcher(t).matches() && t.startsWith("{") == t.endsWith("}"));
        });
        b.function("IsNull", CATEGORY, "bool IsNull(var Expression)")
                .args(WHOLE)
                .strict((s, a, f) -> Value.of(a[0].isNull()));
        b.function("IsNullOrEmpty", CATEGORY, "bool IsNullOrEmpty(var Expression)")
                .args(WHOLE)
                .strict((s, a, f) -> Value.of(a[0].isNull() || allEmpty(a[0])));
        b.function("IsPresent", CATEGORY, "bool IsPresent(var expression)")
                .args(WHOLE)
                .strict((s, a, f) -> Value.of(!a[0].isNull() && !allEmpty(a[0])));
        // "Used to determine if CNum() can be successful."
        b.function("IsNumeric", CATEGORY, "bool IsNumeric(var Expression)")
                .args(SCALAR)
                .strict((s, a, f) -> Value.of(!a[0].isNull() && ConversionFunctions.number(a[0]) != null));
        // "Used to determine if CStr() can be successful": numbers, references, Booleans and text; not binary,
        // and not a GUID, which is binary in the directory: the shipped sourceAnchor flow
        // IIF(IsString([objectGUID]),CStr([objectGUID]),ConvertToBase64([objectGUID])) must take base64.
        b.function("IsString", CATEGORY, "bool IsString(var expression)")
                .args(SCALAR)
                .strict((s, a, f) ->
                        Value.of(!a[0].isNull() && !(a[0] instanceof Value.Guid) && Coerce.textOrNull(a[0]) != null));
    }

    /** True when every value is the empty string. */
    private static boolean allEmpty(Value v) {
        if (v instanceof Value.Multi m) {
            for (Value each : m.values()) {
                if (!allEmpty(each)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Value.Str s) {
            return s.value().isEmpty();
        }
        if (v instanceof Value.Bin b) {
            return b.length() == 0;
        }
        return false;
    }
}
