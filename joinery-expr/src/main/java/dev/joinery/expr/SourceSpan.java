package dev.joinery.expr;

/**
 * Where a piece of an expression stands in its source text: 0-based character offsets and the 1-based line
 * and column of the start.
 */
public record SourceSpan(int start, int end, int line, int column) {
    public static final SourceSpan NONE = new SourceSpan(0, 0, 1, 1);

    /** The span from the start of this one to the end of {@code other}. */
    public SourceSpan to(SourceSpan other) {
        return new SourceSpan(start, Math.max(end, other.end), line, column);
    }

    /**
     * The source line that holds the start of this span, with a caret line under it, for messages.
     *
     * @param source the whole expression text
     */
    public String excerpt(String source) {
        int lineStart = start;
        while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int lineEnd = start;
        while (lineEnd < source.length() && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        String text = source.substring(lineStart, lineEnd);
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < start && i < lineEnd; i++) {
            caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        return text + "\n" + caret;
    }
}
