package dev.joinery.app.config;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How many deletions an Export may send before it stops without deleting anything: a count ({@code 500}, the
 * default) or a percentage of the connector's objects ({@code 10%}).
 *
 * @param count the count, or -1 for a percentage
 * @param percent the percentage from 0 to 100, or null for a count
 */
public record DeletionThreshold(long count, BigDecimal percent) {
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");

    /** What an acceptable value looks like, for messages and help. */
    static final String EXPECTED = "a count such as 500 or a percentage such as 10%";

    public static DeletionThreshold ofCount(long count) {
        return new DeletionThreshold(count, null);
    }

    public static DeletionThreshold ofPercent(BigDecimal percent) {
        return new DeletionThreshold(-1, percent);
    }

    /** Reads {@code 500} or {@code 10%}; empty when {@code text} is neither, or a percentage above 100. */
    static Optional<DeletionThreshold> parse(String text) {
        String t = text.strip();
        if (COUNT.matcher(t).matches()) {
            return Optional.of(ofCount(Long.parseLong(t)));
        }
        var m = PERCENT.matcher(t);
        if (m.matches()) {
            BigDecimal p = new BigDecimal(m.group(1));
            return p.compareTo(BigDecimal.valueOf(100)) <= 0 ? Optional.of(ofPercent(p)) : Optional.empty();
        }
        return Optional.empty();
    }

    public boolean isPercentage() {
        return percent != null;
    }

    /** The most deletions allowed among {@code objectCount} objects: the count, or the percentage rounded down. */
    public long limit(long objectCount) {
        if (!isPercentage()) {
            return count;
        }
        return percent.multiply(BigDecimal.valueOf(objectCount))
                .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.FLOOR)
                .longValueExact();
    }

    /** As written in {@code joinery.yaml}: {@code 500} or {@code 10%}. */
    @Override
    public String toString() {
        return isPercentage() ? percent.toPlainString() + "%" : Long.toString(count);
    }
}
