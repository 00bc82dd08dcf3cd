package dev.joinery.expr.parse;

import dev.joinery.expr.ExpressionSyntaxException;
import dev.joinery.expr.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens. Whitespace, including newlines, separates tokens and is otherwise ignored. */
final class Lexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String src) {
        this.src = src;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = next();
            out.add(t);
            if (t.kind() == Token.Kind.EOF) {
                return out;
            }
        }
    }

    private Token next() {
        skipWhitespace();
        int start = pos;
        int startLine = line;
        int startColumn = pos - lineStart + 1;
        if (pos >= src.length()) {
            return token(Token.Kind.EOF, "", 0, start, startLine, startColumn);
        }
        char c = src.charAt(pos);
        switch (c) {
            case '(':
                pos++;
                return token(Token.Kind.LPAREN, "(", 0, start, startLine, startColumn);
            case ')':
                pos++;
                return token(Token.Kind.RPAREN, ")", 0, start, startLine, startColumn);
            case ',':
                pos++;
                return token(Token.Kind.COMMA, ",", 0, start, startLine, startColumn);
            case '"':
                return string(start, startLine, startColumn);
            case '\u201C':
            case '\u201D':
                throw error("a smart quote; string constants use straight quotes \"\"", start, startLine, startColumn);
            case '[':
                return delimited(']', Token.Kind.ATTRIBUTE, "attribute name", start, startLine, startColumn);
            case '%':
                return delimited('%', Token.Kind.PARAMETER, "parameter name", start, startLine, startColumn);
            case '$':
                pos++;
                int nameStart = pos;
                while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                if (pos == nameStart) {
                    throw error("expected a variable name after '$'", start, startLine, startColumn);
                }
                return token(Token.Kind.VARIABLE, src.substring(nameStart, pos), 0, start, startLine, startColumn);
            case '-':
                pos++;
                return token(Token.Kind.MINUS, "-", 0, start, startLine, startColumn);
            case '&':
                if (pos + 2 < src.length()
                        && (src.charAt(pos + 1) == 'H' || src.charAt(pos + 1) == 'h')
                        && Character.digit(src.charAt(pos + 2), 16) >= 0) {
                    return hex(start, startLine, startColumn);
                }
                return operator(src.startsWith("&&", pos) ? "&&" : "&", start, startLine, startColumn);
            case '|':
                if (src.startsWith("||", pos)) {
                    return operator("||", start, startLine, startColumn);
                }
                throw error("a single '|'; the logical or is '||'", start, startLine, startColumn);
            case '<':
                if (src.startsWith("<>", pos) || src.startsWith("<=", pos)) {
                    return operator(src.substring(pos, pos + 2), start, startLine, startColumn);
                }
                return operator("<", start, startLine, startColumn);
            case '>':
                return operator(src.startsWith(">=", pos) ? ">=" : ">", start, startLine, startColumn);
            case '=':
                if (src.startsWith("==", pos)) {
                    throw error("'=='; equality is a single '='", start, startLine, startColumn);
                }
                return operator("=", start, startLine, startColumn);
            case '!':
                if (src.startsWith("!=", pos)) {
                    throw error("'!='; inequality is '<>'", start, startLine, startColumn);
                }
                throw error(
                        "'!'; there is no not operator, use IIF(x, False, True) or = False",
                        start,
                        startLine,
                        startColumn);
            case '+':
            case '*':
            case '/':
                return operator(String.valueOf(c), start, startLine, startColumn);
            default:
                break;
        }
        if (c >= '0' && c <= '9') {
            return decimal(start, startLine, startColumn);
        }
        if (isIdentifierStart(c)) {
            while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
                pos++;
            }
            return token(Token.Kind.IDENTIFIER, src.substring(start, pos), 0, start, startLine, startColumn);
        }
        throw error("unexpected character '" + c + "'", start, startLine, startColumn);
    }

    private void skipWhitespace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c) || c == '\u00A0' || c == '\uFEFF') {
                pos++;
            } else {
                return;
            }
        }
    }

    private Token string(int start, int startLine, int startColumn) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("expected a closing '\"' for the string that starts here", start, startLine, startColumn);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
                    value.append('"'); // VBA's doubled quote
                    pos += 2;
                    continue;
                }
                pos++;
                return token(Token.Kind.STRING, value.toString(), 0, start, startLine, startColumn);
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char e = src.charAt(pos + 1);
                switch (e) {
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    default -> {
                        value.append('\\'); // an unknown escape keeps its backslash
                        pos++;
                        continue;
                    }
                }
                pos += 2;
                continue;
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            value.append(c);
            pos++;
        }
    }

    private Token delimited(char close, Token.Kind kind, String what, int start, int startLine, int startColumn) {
        pos++;
        int nameStart = pos;
        while (pos < src.length() && src.charAt(pos) != close && src.charAt(pos) != '\n') {
            pos++;
        }
        if (pos >= src.length() || src.charAt(pos) != close) {
            throw error(
                    "expected '" + close + "' to close the " + what + " that starts here",
                    start,
                    startLine,
                    startColumn);
        }
        String name = src.substring(nameStart, pos).strip();
        pos++;
        if (name.isEmpty()) {
            throw error("expected an " + what + " between the delimiters", start, startLine, startColumn);
        }
        return token(kind, name, 0, start, startLine, startColumn);
    }

    private Token decimal(int start, int startLine, int startColumn) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == '.' || isIdentifierStart(src.charAt(pos)))) {
            throw error(
                    "a number must be a whole decimal number or &H followed by hexadecimal digits",
                    start,
                    startLine,
                    startColumn);
        }
        String digits = src.substring(start, pos);
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("the number " + digits + " does not fit in 64 bits", start, startLine, startColumn);
        }
        return token(Token.Kind.NUMBER, digits, value, start, startLine, startColumn);
    }

    private Token hex(int start, int startLine, int startColumn) {
        pos += 2;
        int digitsStart = pos;
        while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
            pos++;
        }
        String digits = src.substring(digitsStart, pos);
        if (digits.length() > 16) {
            throw error("the number &H" + digits + " does not fit in 64 bits", start, startLine, startColumn);
        }
        if (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
            throw error("expected hexadecimal digits after &H", start, startLine, startColumn);
        }
        return token(Token.Kind.HEX_NUMBER, digits, Long.parseUnsignedLong(digits, 16), start, startLine, startColumn);
    }

    private Token operator(String symbol, int start, int startLine, int startColumn) {
        pos += symbol.length();
        return token(Token.Kind.OPERATOR, symbol, 0, start, startLine, startColumn);
    }

    private Token token(Token.Kind kind, String text, long number, int start, int startLine, int startColumn) {
        return new Token(kind, text, number, new SourceSpan(start, pos, startLine, startColumn));
    }

    private ExpressionSyntaxException error(String problem, int start, int startLine, int startColumn) {
        return new ExpressionSyntaxException(problem, new SourceSpan(start, start + 1, startLine, startColumn), src);
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
