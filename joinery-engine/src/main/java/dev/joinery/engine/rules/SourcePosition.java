package dev.joinery.engine.rules;

/** A 1-based line and column in a source file; {@link #UNKNOWN} is 0, 0. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);
}
