package dev.joinery.expr.eval;

import dev.joinery.expr.ExpressionSyntaxException;
import dev.joinery.expr.SourceSpan;
import dev.joinery.expr.Value;
import dev.joinery.expr.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a syntax tree into a tree of evaluators, resolving every function, constant and variable once.
 *
 * <p>Multi-valued attributes: the root of the expression, and every argument a function takes whole, is a
 * <em>region</em>. An attribute used as a single value inside a region (an argument of {@code Trim}, an
 * operand of {@code =}) makes the region run once per value of that attribute, with NULL results dropped.
 * That is how the reference's {@code IIF(InStr([proxyAddresses],"SIP:")=1,NULL,[proxyAddresses])} removes the
 * SIP address from the values. An attribute that is the whole of a region ({@code Count([proxyAddresses])},
 * {@code IsPresent([proxyAddresses])}, a Direct flow) is taken whole.
 */
final class Compiler {
    private final String source;
    private final FunctionLibrary library;
    private final Map<String, Integer> attributeSlots = new HashMap<>();
    private final Deque<Map<String, Integer>> variableScopes = new ArrayDeque<>();
    private int slotCount;
    private Region region;

    private Compiler(String source, FunctionLibrary library) {
        this.source = source;
        this.library = library;
    }

    /** The compiled program: its root evaluator and how many slots a frame needs. */
    record Program(Evaluator root, int slotCount) {}

    static Program compile(Node root, String source) {
        Compiler c = new Compiler(source, FunctionLibrary.STANDARD);
        Evaluator e = c.region(root);
        if (e instanceof RegionIterator r) {
            e = r.asRoot();
        }
        return new Program(e, c.slotCount);
    }

    /** The attributes a region iterates over, with their slots, in order of first use. */
    private static final class Region {
        final Map<String, Integer> candidates = new LinkedHashMap<>();
    }

    private Evaluator region(Node node) {
        Node inner = unwrap(node);
        if (inner instanceof Node.AttributeRef a) {
            String name = a.name();
            return frame -> frame.context.attribute(name);
        }
        Region saved = region;
        region = new Region();
        try {
            Evaluator body = compile(node);
            if (region.candidates.isEmpty()) {
                return body;
            }
            String[] names = region.candidates.keySet().toArray(new String[0]);
            int[] slots = region.candidates.values().stream()
                    .mapToInt(Integer::intValue)
                    .toArray();
            return new RegionIterator(names, slots, body);
        } finally {
            region = saved;
        }
    }

    /**
     * The per-value results as one value: NULL results are dropped, but when every value chose the same flow
     * marker (IgnoreThisFlow, AuthoritativeNull), the marker is the result, so that
     * {@code IIF([flag] = True, [multi], IgnoreThisFlow)} leaves the target alone rather than clearing it.
     */
    static Value collect(List<Value> results) {
        Value first = results.isEmpty() ? null : results.get(0);
        if (first instanceof Value.Special marker && marker != Value.NULL) {
            boolean same = true;
            for (Value r : results) {
                same &= r == marker;
            }
            if (same) {
                return marker;
            }
        }
        return Value.multi(results);
    }

    private static Node unwrap(Node node) {
        while (node instanceof Node.Group g) {
            node = g.inner();
        }
        return node;
    }

    private Evaluator compile(Node node) {
        if (node instanceof Node.Call c) {
            return call(c);
        } else if (node instanceof Node.Binary b) {
            return Operators.binary(b.operator(), compile(b.left()), compile(b.right()), b.opSpan());
        } else if (node instanceof Node.Group g) {
            return compile(g.inner());
        } else if (node instanceof Node.Negate n) {
            return Operators.negate(compile(n.operand()), n.span());
        } else if (node instanceof Node.AttributeRef a) {
            return attribute(a);
        } else if (node instanceof Node.VariableRef v) {
            return variable(v);
        } else if (node instanceof Node.ParameterRef p) {
            return parameter(p);
        } else if (node instanceof Node.Constant c) {
            Value v = Constants.value(c.name());
            if (v == null) {
                throw error(Constants.unknownMessage(c.name()), c.span());
            }
            return frame -> v;
        }
        Value literal = literal(node);
        return frame -> literal;
    }

    private static Value literal(Node node) {
        if (node instanceof Node.StringLiteral s) {
            return Value.of(s.value());
        } else if (node instanceof Node.NumberLiteral n) {
            return Value.of(n.value());
        } else if (node instanceof Node.BooleanLiteral b) {
            return Value.of(b.value());
        } else if (node instanceof Node.NullLiteral n) {
            return switch (n.kind()) {
                case NULL -> Value.NULL;
                case AUTHORITATIVE_NULL -> Value.AUTHORITATIVE_NULL;
                case IGNORE_THIS_FLOW -> Value.IGNORE_THIS_FLOW;
            };
        }
        throw new IllegalStateException("unexpected node " + node);
    }

    private Evaluator attribute(Node.AttributeRef a) {
        String name = a.name();
        int slot = attributeSlots.computeIfAbsent(name, k -> slotCount++);
        if (region != null) {
            region.candidates.putIfAbsent(name, slot);
        }
        return frame -> {
            Value bound = frame.slots[slot];
            return bound != null ? bound : frame.context.attribute(name);
        };
    }

    private Evaluator variable(Node.VariableRef v) {
        for (Map<String, Integer> scope : variableScopes) {
            Integer slot = scope.get(v.name());
            if (slot != null) {
                int s = slot;
                return frame -> {
                    Value bound = frame.slots[s];
                    return bound != null ? bound : Value.NULL;
                };
            }
        }
        throw error(
                "the variable $" + v.name() + " is not bound here; With, Select and Where bind a variable for"
                        + " the arguments after it",
                v.span());
    }

    private Evaluator parameter(Node.ParameterRef p) {
        String name = p.name();
        SourceSpan span = p.span();
        return frame -> {
            Value v = frame.context.parameter(name);
            if (v == null) {
                throw new dev.joinery.expr.EvaluationException(
                        dev.joinery.expr.EvaluationException.Code.UNKNOWN_PARAMETER,
                        "the parameter %" + name + "% is not defined for this connector",
                        span);
            }
            return v;
        };
    }

    private Evaluator call(Node.Call call) {
        FunctionSpec spec = library.find(call.name());
        if (spec == null) {
            throw error(unknownFunction(call.name()), call.nameSpan());
        }
        int n = call.arguments().size();
        if (n < spec.minArgs() || n > spec.maxArgs()) {
            throw error(arityMessage(spec, n), call.nameSpan());
        }
        Evaluator[] args = new Evaluator[n];
        int[] varSlots = new int[n];
        String[] options = new String[n];
        Map<String, Integer> scope = new HashMap<>();
        Map<String, Integer> declared = new HashMap<>();
        int scopeFrom = Integer.MAX_VALUE;
        variableScopes.push(scope);
        try {
            for (int i = 0; i < n; i++) {
                Node arg = call.arguments().get(i);
                varSlots[i] = -1;
                if (i >= scopeFrom) {
                    // A variable is bound for the arguments after the one that gives its values, so
                    // With($v, $v + 1, $v) reads an outer $v in its second argument.
                    scope.putAll(declared);
                }
                switch (spec.param(i)) {
                    case SCALAR -> args[i] = compile(arg);
                    case WHOLE -> args[i] = region(arg);
                    case VARIABLE -> {
                        if (!(arg instanceof Node.VariableRef v)) {
                            throw error(
                                    "argument " + (i + 1) + " of " + spec.name() + " must be a variable such as $item",
                                    arg.span());
                        }
                        int slot = slotCount++;
                        declared.put(v.name(), slot);
                        scopeFrom = i + 2;
                        varSlots[i] = slot;
                        args[i] = frame -> Value.NULL;
                    }
                    case OPTION -> {
                        Node plain = unwrap(arg);
                        if (plain instanceof Node.Constant c) {
                            options[i] = c.name();
                        } else if (plain instanceof Node.StringLiteral s) {
                            options[i] = s.value();
                        } else {
                            throw error(
                                    "argument " + (i + 1) + " of " + spec.name()
                                            + " must be an option name such as vbTextCompare",
                                    arg.span());
                        }
                        Value option = Value.of(options[i]);
                        args[i] = frame -> option;
                    }
                }
            }
        } finally {
            variableScopes.pop();
        }
        Site site = new Site(spec.name(), call.span(), args, varSlots, options);
        FunctionSpec.Problem problem = spec.validator().check(site);
        if (problem != null) {
            SourceSpan at = problem.argument() >= 0 && problem.argument() < n
                    ? call.arguments().get(problem.argument()).span()
                    : call.span();
            throw error(spec.name() + ": " + problem.message(), at);
        }
        return spec.factory().create(site);
    }

    private String unknownFunction(String name) {
        List<String> names = library.names();
        for (String known : names) {
            if (known.equalsIgnoreCase(name)) {
                return "unknown function " + name + "; function names are case-sensitive: did you mean " + known + "?";
            }
        }
        String best = Suggest.closest(name, names);
        return "unknown function " + name + (best == null ? "" : "; did you mean " + best + "?");
    }

    private static String arityMessage(FunctionSpec spec, int n) {
        String wanted;
        if (spec.maxArgs() == Integer.MAX_VALUE) {
            wanted = "at least " + spec.minArgs();
        } else if (spec.minArgs() == spec.maxArgs()) {
            wanted = Integer.toString(spec.minArgs());
        } else {
            wanted = spec.minArgs() + " to " + spec.maxArgs();
        }
        return spec.name() + " takes " + wanted + " argument" + ("1".equals(wanted) ? "" : "s") + ", not " + n + " ("
                + spec.signature() + ")";
    }

    private ExpressionSyntaxException error(String problem, SourceSpan span) {
        return new ExpressionSyntaxException(problem, span, source);
    }

    /** Runs its body once per value of the first multi-valued attribute it names, binding each in turn. */
    private static final class RegionIterator implements Evaluator {
        private final String[] names;
        private final int[] slots;
        private final Evaluator body;
        private final boolean root;

        RegionIterator(String[] names, int[] slots, Evaluator body) {
            this(names, slots, body, false);
        }

        private RegionIterator(String[] names, int[] slots, Evaluator body, boolean root) {
            this.names = names;
            this.slots = slots;
            this.body = body;
            this.root = root;
        }

        /** The region of the whole expression: nothing outside it to restore the slots for. */
        RegionIterator asRoot() {
            return new RegionIterator(names, slots, body, true);
        }

        @Override
        public Value eval(Frame frame) {
            Value[] s = frame.slots;
            Value[] saved = root ? null : new Value[slots.length];
            int multi = -1;
            List<Value> values = null;
            for (int i = 0; i < slots.length; i++) {
                if (saved != null) {
                    saved[i] = s[slots[i]];
                }
                Value v = frame.context.attribute(names[i]);
                if (v instanceof Value.Multi m) {
                    if (m.size() == 0) {
                        v = Value.NULL; // "a Null is expressed by the absence of the attribute"
                    } else if (multi < 0) {
                        multi = i;
                        values = m.values();
                    }
                }
                s[slots[i]] = v;
            }
            try {
                if (multi < 0) {
                    return body.eval(frame);
                }
                List<Value> out = new ArrayList<>(values.size());
                for (Value v : values) {
                    s[slots[multi]] = v;
                    out.add(body.eval(frame));
                }
                return collect(out);
            } finally {
                if (saved != null) {
                    for (int i = 0; i < slots.length; i++) {
                        s[slots[i]] = saved[i];
                    }
                }
            }
        }
    }
}
