package cn.creditwindow.schemes;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Which enterprises a scheme is for, by their exports of the year before (上年出口额), in US dollars.
 * A missing bound is no bound: {@code exportsAbove == null} admits exports of 0.
 *
 * @param exportsYear   the calendar year whose exports count (2022 for Shenzhen's 2023 scheme)
 * @param exportsAbove  exports must be strictly above this, or null
 * @param exportsAtMost exports must be at most this (inclusive, 含), or null
 */
public record Eligibility(int exportsYear, BigDecimal exportsAbove, BigDecimal exportsAtMost) {
    public Eligibility {
        exportsAbove = Amounts.usdOrNull("exportsAbove", exportsAbove);
        exportsAtMost = Amounts.usdOrNull("exportsAtMost", exportsAtMost);
        if (exportsAbove != null && exportsAtMost != null && exportsAbove.compareTo(exportsAtMost) >= 0) {
            throw new IllegalArgumentException("exportsAbove " + Amounts.show(exportsAbove)
                    + " must be below exportsAtMost " + Amounts.show(exportsAtMost) + ", or no exports qualify");
        }
    }

    /**
     * True when the exports lie in the band.
     *
     * @throws IllegalArgumentException when the exports are negative or have fractions of a cent
     */
    public boolean contains(BigDecimal lastYearExports) {
        BigDecimal exports = Amounts.usd("lastYearExports", Objects.requireNonNull(lastYearExports, "lastYearExports"));
        return (exportsAbove == null || exports.compareTo(exportsAbove) > 0)
                && (exportsAtMost == null || exports.compareTo(exportsAtMost) <= 0);
    }

    /** True when some amount of exports lies in both bands (the exports year is not compared). */
    boolean overlaps(Eligibility other) {
        // (a1, b1] and (a2, b2] meet when a1 < b2 and a2 < b1; a missing bound is infinite.
        return below(exportsAbove, other.exportsAtMost) && below(other.exportsAbove, exportsAtMost);
    }

    private static boolean below(BigDecimal lower, BigDecimal upper) {
        return lower == null || upper == null || lower.compareTo(upper) < 0;
    }

    /** The band for messages: {@code > 5000000.00 USD and <= 10000000.00 USD of 2023 exports}. */
    @Override
    public String toString() {
        String above = exportsAbove == null ? null : "> " + Amounts.show(exportsAbove) + " USD";
        String atMost = exportsAtMost == null ? null : "<= " + Amounts.show(exportsAtMost) + " USD";
        String band = above == null && atMost == null ? "any amount"
                : above == null ? atMost : atMost == null ? above : above + " and " + atMost;
        return band + " of " + exportsYear + " exports";
    }
}
