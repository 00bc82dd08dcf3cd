package dev.joinery.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code $filter} forms a sync connector sends (notes §2.1): {@code p eq 'v'}, {@code p eq true}, {@code p eq
 * null}, {@code p in ('a','b')}, {@code startsWith(p,'v')}, {@code ge}/{@code le}, the collection lambda
 * {@code proxyAddresses/any(x:x eq 'v')}, joined with {@code and}/{@code or} and parentheses. {@code ne},
 * {@code not} and {@code endsWith} need the advanced-query switch ({@code ConsistencyLevel: eventual} plus
 * {@code $count=true}); without it they fail with {@code Request_UnsupportedQuery}. String comparison ignores
 * case. Not thread-safe; one instance per parse.
 */
final class ODataFilter {
    private final List<String> tokens;
    private final boolean advanced;
    private final String resource;
    private int pos;

    private ODataFilter(String text, boolean advanced, String resource) {
        this.tokens = tokenize(text);
        this.advanced = advanced;
        this.resource = resource;
    }

    static Predicate<JsonNode> parse(String text, boolean advanced, String resource) {
        ODataFilter f = new ODataFilter(text, advanced, resource);
        Predicate<JsonNode> p = f.or();
        if (f.pos != f.tokens.size()) {
            throw f.invalid("'" + f.tokens.get(f.pos) + "'");
        }
        return p;
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (peek("or")) {
            pos++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = unary();
        while (peek("and")) {
            pos++;
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<JsonNode> unary() {
        if (peek("not")) {
            pos++;
            requireAdvanced("not");
            return unary().negate();
        }
        if (peek("(")) {
            pos++;
            Predicate<JsonNode> inner = or();
            expect(")");
            return inner;
        }
        String name = next();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("startswith") || lower.equals("endswith")) {
            if (lower.equals("endswith")) {
                requireAdvanced("endsWith");
            }
            expect("(");
            String property = next();
            expect(",");
            String value = literal().asText().toLowerCase(Locale.ROOT);
            expect(")");
            return o -> values(o, property).stream()
                    .map(v -> v.asText().toLowerCase(Locale.ROOT))
                    .anyMatch(v -> lower.equals("startswith") ? v.startsWith(value) : v.endsWith(value));
        }
        int slash = name.indexOf('/');
        if (slash > 0 && name.substring(slash + 1).toLowerCase(Locale.ROOT).startsWith("any")) {
            String property = name.substring(0, slash);
            expect("(");
            String variable = next();
            expect(":");
            expect(variable);
            String op = next().toLowerCase(Locale.ROOT);
            JsonNode value = literal();
            expect(")");
            return o -> values(o, property).stream().anyMatch(v -> compare(op, v, value));
        }
        String op = next().toLowerCase(Locale.ROOT);
        if (op.equals("in")) {
            expect("(");
            List<JsonNode> options = new ArrayList<>();
            options.add(literal());
            while (peek(",")) {
                pos++;
                options.add(literal());
            }
            expect(")");
            return o -> options.stream().anyMatch(opt -> compare("eq", o.get(name), opt));
        }
        if (op.equals("ne")) {
            requireAdvanced("ne");
        }
        JsonNode value = literal();
        return o -> compare(op, o.get(name), value);
    }

    private boolean compare(String op, JsonNode actual, JsonNode expected) {
        boolean nullActual = actual == null || actual.isNull();
        if (expected.isNull()) {
            return op.equals("eq") == nullActual;
        }
        if (nullActual) {
            return op.equals("ne");
        }
        int c = expected.isTextual()
                ? actual.asText().compareToIgnoreCase(expected.asText())
                : actual.asText().compareTo(expected.asText());
        switch (op) {
            case "eq":
                return c == 0;
            case "ne":
                return c != 0;
            case "ge":
                return c >= 0;
            case "le":
                return c <= 0;
            default:
                throw invalid("operator '" + op + "'");
        }
    }

    private static List<JsonNode> values(JsonNode o, String property) {
        JsonNode v = o.get(property);
        List<JsonNode> list = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(list::add);
        } else if (v != null && !v.isNull()) {
            list.add(v);
        }
        return list;
    }

    private JsonNode literal() {
        String t = next();
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (t.startsWith("'")) {
            return f.textNode(t.substring(1, t.length() - 1).replace("''", "'"));
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "null":
                return f.nullNode();
            case "true":
                return f.booleanNode(true);
            case "false":
                return f.booleanNode(false);
            default:
                return f.textNode(t);
        }
    }

    private void requireAdvanced(String what) {
        if (!advanced) {
            throw GraphException.unsupportedQuery("Operator '" + what + "' is not supported because the required"
                    + " parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual"
                    + " header.");
        }
    }

    private boolean peek(String t) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(t);
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw invalid("end of filter");
        }
        return tokens.get(pos++);
    }

    private void expect(String t) {
        if (!peek(t)) {
            throw invalid(pos < tokens.size() ? "'" + tokens.get(pos) + "'" : "end of filter");
        }
        pos++;
    }

    private GraphException invalid(String near) {
        return GraphException.unsupportedQuery("Unsupported or invalid query filter clause specified for property near "
                + near + " of resource '" + resource + "'.");
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < s.length() && !(s.charAt(j) == '\'' && (j + 1 >= s.length() || s.charAt(j + 1) != '\''))) {
                    j += s.charAt(j) == '\'' ? 2 : 1;
                }
                out.add(s.substring(i, Math.min(j + 1, s.length())));
                i = j + 1;
            } else if ("(),:".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "(),:'".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
