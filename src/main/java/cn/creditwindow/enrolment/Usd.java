package cn.creditwindow.enrolment;

import java.math.BigDecimal;

/** US-dollar amounts held as cents, shown on pages as {@code 4,000.00}. */
public final class Usd {
    private Usd() {
    }

    /** {@code 400000} → {@code "4,000.00"}; null → null (an amount the scheme does not state). */
    public static String format(Long cents) {
        return cents == null ? null : String.format("%,.2f", BigDecimal.valueOf(cents, 2));
    }

    /** A fraction such as {@code 0.80} as {@code 80%}. */
    public static String percent(String ratio) {
        return new BigDecimal(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
