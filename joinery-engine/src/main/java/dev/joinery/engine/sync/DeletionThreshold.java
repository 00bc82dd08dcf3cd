package dev.joinery.engine.sync;

/**
 * How many deletes one export may send before it stops without deleting anything: "Enabled by default, 500
 * deletes". Either a count, or a percentage, or off. A percentage is of the connector's objects in the directory when
 * the export starts: every connector-space object except those provisioned whose add is not exported yet (the pending
 * deletes count, they are still there); the limit is rounded down, so 10% of 15 objects allows 1 delete.
 *
 * @param count the most deletes allowed, or -1 when not a count
 * @param percent the most deletes allowed as a percentage of the connector space (decimals allowed: 0.5 is one in two
 *     hundred), or -1 when not a percentage
 */
public record DeletionThreshold(int count, double percent) {
    public static final DeletionThreshold DEFAULT = count(500);
    public static final DeletionThreshold DISABLED = new DeletionThreshold(-1, -1);

    public static DeletionThreshold count(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a deletion threshold is not negative, was " + count);
        }
        return new DeletionThreshold(count, -1);
    }

    public static DeletionThreshold percent(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentage is 0 to 100, was " + percent);
        }
        return new DeletionThreshold(-1, percent);
    }

    /**
     * The most deletes allowed when the directory holds {@code size} objects of the connector space; MAX_VALUE when
     * disabled.
     */
    public int limit(int size) {
        if (count >= 0) {
            return count;
        }
        if (percent >= 0) {
            return (int) Math.floor(size * percent / 100);
        }
        return Integer.MAX_VALUE;
    }

    public String describe() {
        return count >= 0
                ? count + " objects"
                : percent >= 0
                        ? java.math.BigDecimal.valueOf(percent)
                                        .stripTrailingZeros()
                                        .toPlainString() + "% of the connector space"
                        : "disabled";
    }
}
