package cn.creditwindow.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * CNY amounts: kept as whole fen (1/100 yuan) in the store and the domain, shown and read as yuan with two
 * decimals ({@code "600.00"}) at the edge, exactly (no floating point).
 */
final class Fen {
    /** The currency reports are charged in: the insurer charges in yuan. */
    public static final String CURRENCY = "CNY";

    private Fen() {
    }

    /**
     * Yuan to fen.
     *
     * @throws IllegalArgumentException naming the field when the amount is null, negative or has fractions of a fen
     */
    public static long of(String field, BigDecimal yuan) {
        if (yuan == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (yuan.signum() < 0) {
            throw new IllegalArgumentException(field + " " + yuan.toPlainString() + " must not be negative");
        }
        try {
            return yuan.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " " + yuan.toPlainString()
                    + " has fractions of a fen; amounts are whole fen (two decimals)", e);
        }
    }

    /** Fen as yuan with two decimals, e.g. 60000 → {@code "600.00"}. */
    public static String show(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Fen as a yuan amount with two decimals. */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
