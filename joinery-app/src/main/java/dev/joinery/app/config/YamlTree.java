package dev.joinery.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A YAML document as a tree that remembers the line and column of every key and value, read with Jackson's
 * streaming parser ({@link JsonParser#currentTokenLocation()}): mappings, sequences and scalars, nothing more.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {}

    /** One place in the file, 1-based; {@link #UNKNOWN} when the parser could not tell. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    sealed interface Node permits MapNode, ListNode, Scalar {
        Position position();

        /** What kind of value this is, never its content: "a mapping", "a string", "nothing". */
        String kind();
    }

    /** A scalar: {@code text} as written, {@code token} how YAML typed it (string, integer, boolean, null...). */
    record Scalar(String text, JsonToken token, Position position) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        boolean isString() {
            return token == JsonToken.VALUE_STRING;
        }

        @Override
        public String kind() {
            if (isNull()) {
                return "nothing";
            }
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return "a boolean";
            }
            return isString() ? "a string" : "a number";
        }

        /** The value for a message: a string quoted and shortened, a number or boolean as written. */
        String shown() {
            if (isNull()) {
                return "nothing";
            }
            if (!isString()) {
                return text;
            }
            String s = text.length() > 60 ? text.substring(0, 57) + "..." : text;
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }

        /** Kind and position only: the text could be a secret written where a reference belongs. */
        @Override
        public String toString() {
            return "Scalar[" + kind() + " at " + position.line() + ":" + position.column() + "]";
        }
    }

    record Entry(String key, Position keyPosition, Node value) {}

    record MapNode(List<Entry> entries, Position position) implements Node {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(List<Node> items, Position position) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A document that is not well-formed YAML. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Position position;

        SyntaxError(String message, Position position) {
            super(message);
            this.position = position;
        }

        Position position() {
            return position;
        }
    }

    /**
     * Parses the first document of {@code text}.
     *
     * @return the root, or null for an empty document
     * @throws SyntaxError at the first syntax error; its message is the parser's first line only, which names the
     *     problem without quoting the offending line (that line could hold a secret)
     */
    static Node parse(String text) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return parser.nextToken() == null ? null : read(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // SnakeYAML's message quotes the offending lines (indented) and their marks (" in 'reader', ...");
            // keep only its own sentences: the quoted line could hold a secret.
            String message = e.getOriginalMessage()
                    .lines()
                    .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                    .collect(Collectors.joining("; "));
            throw new SyntaxError(
                    "not valid YAML: " + (message.isEmpty() ? "malformed" : message),
                    at == null ? Position.UNKNOWN : new Position(at.getLineNr(), at.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    private static Node read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        Position at = position(parser.currentTokenLocation());
        if (token == JsonToken.START_OBJECT) {
            List<Entry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Position keyAt = position(parser.currentTokenLocation());
                parser.nextToken();
                entries.add(new Entry(key, keyAt, read(parser)));
            }
            return new MapNode(List.copyOf(entries), at);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new ListNode(List.copyOf(items), at);
        }
        return new Scalar(parser.getText(), token, at);
    }

    private static Position position(JsonLocation location) {
        return new Position(location.getLineNr(), location.getColumnNr());
    }
}
