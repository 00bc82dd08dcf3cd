package dev.joinery.engine.rules;

/**
 * Maps a line and column inside an expression to a file position, given where the expression text starts. Lines
 * after the first are taken to start at the same column, as they do in a block scalar (the form the writer uses for
 * multi-line expressions).
 */
final class ExpressionPositions {
    private ExpressionPositions() {}

    static SourcePosition inFile(SourcePosition start, int line, int column) {
        if (start.line() == 0) {
            return start;
        }
        if (line <= 1) {
            return new SourcePosition(start.line(), start.column() + column - 1);
        }
        return new SourcePosition(start.line() + line - 1, start.column() + column - 1);
    }
}
