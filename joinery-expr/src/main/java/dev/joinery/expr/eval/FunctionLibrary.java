package dev.joinery.expr.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every function of the language by its exact name: the 85 of the functions reference and those Microsoft's
 * shipped rules use without documenting them ({@code ImportedValue}, {@code ValueCount}, {@code CBin},
 * {@code Thumbprint}). Built once; immutable and thread-safe.
 */
final class FunctionLibrary {
    static final FunctionLibrary STANDARD = standard();

    private final Map<String, FunctionSpec> byName;

    private FunctionLibrary(Map<String, FunctionSpec> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    private static FunctionLibrary standard() {
        Builder b = new Builder();
        TextFunctions.register(b);
        ConversionFunctions.register(b);
        DateTimeFunctions.register(b);
        DirectoryFunctions.register(b);
        EvaluationFunctions.register(b);
        MathFunctions.register(b);
        MultiValuedFunctions.register(b);
        ProgramFlowFunctions.register(b);
        CertificateFunctions.register(b);
        return new FunctionLibrary(b.specs);
    }

    /** The function with exactly this name, or null. */
    FunctionSpec find(String name) {
        return byName.get(name);
    }

    /** All names, sorted. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    Map<String, FunctionSpec> all() {
        return byName;
    }

    /** Collects definitions; one per name. */
    static final class Builder {
        private final Map<String, FunctionSpec> specs = new TreeMap<>();

        Def function(String name, String category, String signature) {
            return new Def(name, category, signature);
        }

        /** A function under construction: arguments first, then its body. */
        final class Def {
            private final String name;
            private final String category;
            private final String signature;
            private final List<Param> params = new ArrayList<>();
            private int required = -1;
            private boolean variadic;
            private FunctionSpec.Validator validator = site -> null;

            private Def(String name, String category, String signature) {
                this.name = name;
                this.category = category;
                this.signature = signature;
            }

            /** Required arguments. */
            Def args(Param... kinds) {
                params.addAll(Arrays.asList(kinds));
                required = params.size();
                return this;
            }

            /** Optional arguments after the required ones. */
            Def optional(Param... kinds) {
                if (required < 0) {
                    required = params.size();
                }
                params.addAll(Arrays.asList(kinds));
                return this;
            }

            /** The last declared argument repeats without limit. */
            Def variadic() {
                variadic = true;
                return this;
            }

            Def validate(FunctionSpec.Validator check) {
                this.validator = check;
                return this;
            }

            /** An ordinary function: all arguments evaluated, multi-valued scalars applied per value. */
            void strict(Strict.Body body) {
                FunctionSpec[] self = new FunctionSpec[1];
                self[0] = spec(site -> new Strict(site, self[0], body));
                put(self[0]);
            }

            /** A function that decides itself which arguments to evaluate, and when. */
            void lazy(FunctionSpec.Factory factory) {
                put(spec(factory));
            }

            private FunctionSpec spec(FunctionSpec.Factory factory) {
                int min = required < 0 ? params.size() : required;
                int max = variadic ? Integer.MAX_VALUE : params.size();
                List<Param> kinds = params.isEmpty() ? List.of(Param.SCALAR) : List.copyOf(params);
                return new FunctionSpec(name, category, kinds, min, max, signature, factory, validator);
            }

            private void put(FunctionSpec spec) {
                if (specs.putIfAbsent(spec.name(), spec) != null) {
                    throw new IllegalStateException("function " + spec.name() + " is defined twice");
                }
            }
        }
    }
}
