package dev.joinery.engine.rules;

import com.fasterxml.jackson.core.JsonToken;
import dev.joinery.engine.rules.YamlTree.Entry;
import dev.joinery.engine.rules.YamlTree.ListNode;
import dev.joinery.engine.rules.YamlTree.MapNode;
import dev.joinery.engine.rules.YamlTree.Node;
import dev.joinery.engine.rules.YamlTree.Scalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, position-recording access to the keys of one YAML mapping, reporting every problem to a {@link Sink}
 * instead of stopping at the first. Unknown and repeated keys are reported when the mapping is opened.
 */
final class YamlFields {
    /** Collects the problems of one file and the positions of the rule being read. Not thread-safe. */
    static final class Sink {
        final String file;
        final List<Problem> problems = new ArrayList<>();
        String ruleName;
        Map<String, SourcePosition> positions = new HashMap<>();
        int errorsAtRuleStart;

        Sink(String file) {
            this.file = file;
        }

        void report(SourcePosition at, ProblemCode code, String message) {
            problems.add(new Problem(file, at.line(), at.column(), ruleName, message, code));
        }

        void startRule(SourcePosition at) {
            ruleName = null;
            positions = new HashMap<>();
            positions.put("", at);
            errorsAtRuleStart = problems.size();
        }

        boolean ruleHasErrors() {
            return problems.size() > errorsAtRuleStart;
        }
    }

    private final Sink sink;
    private final String path;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final SourcePosition position;

    /**
     * @param path the path of this mapping inside the rule ({@code ""}, {@code flows[2]}, ...), for positions
     * @param what how messages name this mapping ("rule", "flow", "scope clause")
     * @param known the keys this mapping may have, in documentation order
     */
    YamlFields(MapNode map, String path, String what, List<String> known, Sink sink) {
        this.sink = sink;
        this.path = path;
        this.position = map.position();
        Set<String> seen = new HashSet<>();
        for (Entry e : map.entries()) {
            if (!seen.add(e.key())) {
                sink.report(e.keyPosition(), ProblemCode.DUPLICATE_KEY, what + " has key '" + e.key() + "' twice");
            } else if (!known.contains(e.key())) {
                sink.report(
                        e.keyPosition(),
                        ProblemCode.UNKNOWN_KEY,
                        "unknown key '" + e.key() + "' in " + what + Suggest.didYouMean(e.key(), known)
                                + " (known keys: " + String.join(", ", known) + ")");
            } else {
                entries.put(e.key(), e);
                sink.positions.put(join(path, e.key()), valuePosition(e.value()));
            }
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static SourcePosition valuePosition(Node node) {
        return node instanceof Scalar s ? s.contentStart() : node.position();
    }

    SourcePosition position() {
        return position;
    }

    boolean has(String key) {
        Entry e = entries.get(key);
        return e != null && !(e.value() instanceof Scalar s && s.isNull());
    }

    Optional<Node> node(String key) {
        return has(key) ? Optional.of(entries.get(key).value()) : Optional.empty();
    }

    void missing(String key, String explanation) {
        sink.report(position, ProblemCode.MISSING_KEY, "missing required key '" + key + "' (" + explanation + ")");
    }

    /** The text of a scalar; reports a missing key (when {@code required} is non-null) or a wrong type. */
    Optional<String> text(String key, String required) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            if (required != null) {
                missing(key, required);
            }
            return Optional.empty();
        }
        if (node.get() instanceof Scalar s) {
            return Optional.of(s.text());
        }
        wrongType(key, node.get(), "text");
        return Optional.empty();
    }

    Optional<Scalar> scalar(String key) {
        Optional<Node> node = node(key);
        if (node.isPresent() && !(node.get() instanceof Scalar)) {
            wrongType(key, node.get(), "text");
            return Optional.empty();
        }
        return node.map(Scalar.class::cast);
    }

    Optional<Integer> integer(String key, String required) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            if (required != null) {
                missing(key, required);
            }
            return Optional.empty();
        }
        if (node.get() instanceof Scalar s && s.token() == JsonToken.VALUE_NUMBER_INT) {
            try {
                return Optional.of(Integer.valueOf(s.text().replace("_", "")));
            } catch (NumberFormatException e) {
                // hex, octal or out of range: reported below
            }
        }
        wrongType(key, node.get(), "a whole number");
        return Optional.empty();
    }

    boolean bool(String key) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return false;
        }
        if (node.get() instanceof Scalar s
                && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
            return s.token() == JsonToken.VALUE_TRUE;
        }
        wrongType(key, node.get(), "true or false");
        return false;
    }

    /** The items of a list value; a missing key is an empty list. */
    List<Node> list(String key, String expected) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof ListNode l) {
            return l.items();
        }
        wrongType(key, node.get(), expected);
        return List.of();
    }

    /** An enum-like value read by {@code parse}; reports the allowed spellings when it does not parse. */
    <T> Optional<T> choice(
            String key, String required, java.util.function.Function<String, Optional<T>> parse, List<String> allowed) {
        Optional<String> text = text(key, required);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = parse.apply(text.get());
        if (value.isEmpty()) {
            sink.report(
                    sink.positions.get(join(path, key)),
                    ProblemCode.INVALID_VALUE,
                    "'" + key + "' is '" + text.get() + "'" + Suggest.didYouMean(text.get(), allowed)
                            + " (expected one of " + String.join(", ", allowed) + ")");
        }
        return value;
    }

    void wrongType(String key, Node found, String expected) {
        sink.report(
                valuePosition(found),
                ProblemCode.WRONG_TYPE,
                "'" + key + "' must be " + expected + ", found " + found.describe());
    }

    void invalid(String key, String message) {
        sink.report(sink.positions.getOrDefault(join(path, key), position), ProblemCode.INVALID_VALUE, message);
    }
}
