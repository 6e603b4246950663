package cn.creditwindow.schemes;

import java.math.BigDecimal;

/**
 * How a scheme's annual premium is computed and split between the enterprise and the subsidy (财政资金).
 * The insured amount (投保金额) is always the enterprise's exports of the year before.
 *
 * @param rate            the premium rate as a fraction of the insured amount (0.0008 for 0.08%), or null when
 *                        the scheme states no rate because the government pays the whole premium (Shenzhen 2023):
 *                        the premium is then unknown here, not zero
 * @param rateIsCeiling   true when the source gives {@code rate} as a maximum (不得高于): premiums are computed at
 *                        that maximum; false when it is the rate (统一为). False when {@code rate} is null
 * @param minimum         the smallest premium in USD (保费低于 200 美元的按照 200 美元计算), or null for none
 * @param enterpriseShare the fraction of the premium the enterprise pays itself (0.20); the subsidy pays the rest.
 *                        0 when {@code rate} is null
 */
public record PremiumRule(BigDecimal rate, boolean rateIsCeiling, BigDecimal minimum, BigDecimal enterpriseShare) {
    public PremiumRule {
        minimum = Amounts.usdOrNull("minimum", minimum);
        Amounts.fraction("enterpriseShare", enterpriseShare);
        if (rate == null) {
            if (rateIsCeiling || minimum != null || enterpriseShare.signum() != 0) {
                throw new IllegalArgumentException("rate is not stated (null: the government pays), so rateIsCeiling"
                        + " must be false, minimum null and enterpriseShare 0; an enterprise share or a minimum of"
                        + " an unknown premium cannot be computed");
            }
        } else if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("rate " + rate.toPlainString()
                    + " must be a fraction above 0 and below 1 (0.0008 for 0.08%), or null when not stated");
        }
    }

    /** True when the scheme states a rate, so premiums can be computed. */
    public boolean stated() {
        return rate != null;
    }

    /**
     * The premium on this insured amount: amount × rate rounded half-up to the cent, raised to the minimum;
     * the enterprise part is that × {@code enterpriseShare} rounded half-up to the cent, and the subsidy is the
     * rest, so the two parts always add up to the total. When no rate is stated, {@link Premium#notStated()}.
     */
    Premium premium(BigDecimal insuredAmount) {
        if (rate == null) {
            return Premium.notStated();
        }
        BigDecimal total = Amounts.cents(insuredAmount.multiply(rate));
        if (minimum != null && total.compareTo(minimum) < 0) {
            total = minimum;
        }
        BigDecimal enterprisePart = Amounts.cents(total.multiply(enterpriseShare));
        return new Premium(total, enterprisePart, total.subtract(enterprisePart));
    }
}
