package cn.creditwindow.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a claim pays (SPEC §6): the least of the indemnity ratio × the loss, what is left of the per-buyer limit for
 * that buyer after the policy's paid claims on it, and what is left of the aggregate limit after all the policy's
 * paid claims. With no aggregate limit (one "as on the policy" the reviewer has not entered) only the per-buyer
 * limit applies. All amounts are US cents; the indemnity is rounded half-up to the cent.
 *
 * @param aggregateLeftCents null when there is no aggregate limit
 */
public record Payout(long lossCents, long indemnityCents, long perBuyerLeftCents, Long aggregateLeftCents,
                     long payoutCents) {

    /**
     * @param indemnityRatio      e.g. {@code 0.80}
     * @param paidOnBuyerCents    the policy's payouts so far on this buyer
     * @param aggregateLimitCents null for none
     * @param paidOnPolicyCents   the policy's payouts so far on all buyers
     */
    public static Payout of(long lossCents, BigDecimal indemnityRatio, long perBuyerLimitCents, long paidOnBuyerCents,
                            Long aggregateLimitCents, long paidOnPolicyCents) {
        if (lossCents <= 0) {
            throw new IllegalArgumentException("the loss must be above 0 cents, was " + lossCents);
        }
        if (indemnityRatio.signum() <= 0 || indemnityRatio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the indemnity ratio must be in (0, 1], was " + indemnityRatio);
        }
        long indemnity = BigDecimal.valueOf(lossCents).multiply(indemnityRatio).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        long buyerLeft = Math.max(0, perBuyerLimitCents - paidOnBuyerCents);
        Long aggregateLeft = aggregateLimitCents == null ? null : Math.max(0, aggregateLimitCents - paidOnPolicyCents);
        long pay = Math.min(indemnity, buyerLeft);
        if (aggregateLeft != null) {
            pay = Math.min(pay, aggregateLeft);
        }
        return new Payout(lossCents, indemnity, buyerLeft, aggregateLeft, pay);
    }
}
