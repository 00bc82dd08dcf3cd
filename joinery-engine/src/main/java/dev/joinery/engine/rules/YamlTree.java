package dev.joinery.engine.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML document as a tree that remembers where every key and value stood, read with Jackson's streaming
 * parser ({@link JsonParser#currentTokenLocation()}). Only what rule files need: mappings, sequences, scalars.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {}

    sealed interface Node permits MapNode, ListNode, Scalar {
        SourcePosition position();

        /** "a mapping", "a list", "text '...'", for messages. */
        String describe();
    }

    /**
     * A scalar. {@code text} is the value as written (a YAML {@code True} reads as {@code "True"}); {@code token}
     * tells how YAML typed it; {@code contentStart} is where the text itself begins (after a quote, or on the first
     * line of a block scalar) and {@code block} whether it is a block scalar ({@code |} or {@code >}).
     */
    record Scalar(String text, JsonToken token, SourcePosition position, SourcePosition contentStart, boolean block)
            implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        @Override
        public String describe() {
            if (isNull()) {
                return "nothing (null)";
            }
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            return "'" + shown.replace("\n", "\\n") + "'";
        }
    }

    record Entry(String key, SourcePosition keyPosition, Node value) {}

    record MapNode(List<Entry> entries, SourcePosition position) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record ListNode(List<Node> items, SourcePosition position) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A document that is not well-formed YAML. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final SourcePosition position;

        SyntaxError(String message, SourcePosition position) {
            super(message);
            this.position = position;
        }
    }

    /**
     * Parses one document.
     *
     * @return the root, or null for an empty document
     * @throws SyntaxError with the position of the first syntax error
     */
    static Node parse(String text) throws SyntaxError {
        String[] lines = text.split("\r\n|\r|\n", -1);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : read(parser, lines);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().strip().lines().findFirst().orElse("malformed YAML");
            throw new SyntaxError(
                    "not valid YAML: " + message,
                    at == null ? SourcePosition.UNKNOWN : new SourcePosition(at.getLineNr(), at.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    private static Node read(JsonParser parser, String[] lines) throws IOException {
        JsonToken token = parser.currentToken();
        SourcePosition at = position(parser.currentTokenLocation());
        if (token == JsonToken.START_OBJECT) {
            List<Entry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourcePosition keyAt = position(parser.currentTokenLocation());
                parser.nextToken();
                entries.add(new Entry(key, keyAt, read(parser, lines)));
            }
            return new MapNode(List.copyOf(entries), at);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, lines));
            }
            return new ListNode(List.copyOf(items), at);
        }
        return scalar(parser.getText(), token, at, lines);
    }

    private static Scalar scalar(String text, JsonToken token, SourcePosition at, String[] lines) {
        char indicator = charAt(lines, at);
        if (indicator == '|' || indicator == '>') {
            for (int line = at.line() + 1; line <= lines.length; line++) {
                String content = lines[line - 1];
                if (!content.isBlank()) {
                    int indent = content.length() - content.stripLeading().length();
                    return new Scalar(text, token, at, new SourcePosition(line, indent + 1), true);
                }
            }
            return new Scalar(text, token, at, at, true);
        }
        if (indicator == '\'' || indicator == '"') {
            return new Scalar(text, token, at, new SourcePosition(at.line(), at.column() + 1), false);
        }
        return new Scalar(text, token, at, at, false);
    }

    private static char charAt(String[] lines, SourcePosition at) {
        if (at.line() < 1 || at.line() > lines.length) {
            return 0;
        }
        String line = lines[at.line() - 1];
        return at.column() >= 1 && at.column() <= line.length() ? line.charAt(at.column() - 1) : 0;
    }

    private static SourcePosition position(JsonLocation location) {
        return new SourcePosition(location.getLineNr(), location.getColumnNr());
    }
}
