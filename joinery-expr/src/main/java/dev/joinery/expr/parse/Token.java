package dev.joinery.expr.parse;

import dev.joinery.expr.SourceSpan;

/** One lexical token: its kind, the decoded text (string value, name, number digits) and where it stands. */
record Token(Kind kind, String text, long number, SourceSpan span) {
    enum Kind {
        STRING("a string"),
        NUMBER("a number"),
        HEX_NUMBER("a number"),
        IDENTIFIER("a name"),
        ATTRIBUTE("an attribute reference"),
        PARAMETER("a parameter"),
        VARIABLE("a variable"),
        LPAREN("'('"),
        RPAREN("')'"),
        COMMA("','"),
        OPERATOR("an operator"),
        MINUS("'-'"),
        EOF("the end of the expression");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** How the token reads in a message: {@code ')'}, {@code "abc"}, {@code the end of the expression}. */
    String describe() {
        return switch (kind) {
            case EOF -> kind.description;
            case STRING -> "the string \"" + text + "\"";
            case ATTRIBUTE -> "[" + text + "]";
            case PARAMETER -> "%" + text + "%";
            case VARIABLE -> "$" + text;
            default -> "'" + text + "'";
        };
    }
}
