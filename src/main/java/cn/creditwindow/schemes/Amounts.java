package cn.creditwindow.schemes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The two kinds of number a scheme deals in, both exact: US dollar amounts, always with two decimal places
 * (whole cents), and fractions such as rates, shares and ratios (0.0008, 0.20, 0.80). Never {@code double}.
 */
final class Amounts {
    private Amounts() {
    }

    /**
     * An amount of US dollars as given, with scale 2.
     *
     * @throws IllegalArgumentException when it is negative or has fractions of a cent
     */
    static BigDecimal usd(String what, BigDecimal amount) {
        Objects.requireNonNull(amount, what);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " " + amount.toPlainString() + " USD must not be negative");
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + amount.toPlainString()
                    + " USD has fractions of a cent; amounts are whole cents", e);
        }
    }

    /** {@link #usd} for an optional amount: null stays null. */
    static BigDecimal usdOrNull(String what, BigDecimal amount) {
        return amount == null ? null : usd(what, amount);
    }

    /** Rounds a computed amount half-up to the cent (0.005 becomes 0.01). */
    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * A fraction between 0 and 1 inclusive.
     *
     * @throws IllegalArgumentException when it is outside [0, 1]
     */
    static BigDecimal fraction(String what, BigDecimal value) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " " + value.toPlainString()
                    + " must be a fraction from 0 to 1 (0.80 for 80%)");
        }
        return value;
    }

    /** The amount for messages: plain digits, no exponent. */
    static String show(BigDecimal amount) {
        return amount.toPlainString();
    }
}
