package cn.creditwindow.claims;

import cn.creditwindow.store.Tx;
import java.math.BigDecimal;

/**
 * What a claim pays (定损赔付): {@link Payout} of the loss against what the policy's paid claims have left of its
 * per-buyer and aggregate limits, and the reviewer's panel that shows those figures before deciding. Reads only, in
 * the caller's transaction: {@link ClaimReview} decides and stores the payout.
 */
final class ClaimPayouts {
    private ClaimPayouts() {
    }

    /** What a loss on a buyer would pay now under a policy, given its paid claims. */
    static Payout payout(Tx tx, ClaimPolicy policy, long buyerId, long lossCents, Long aggregateLimitCents) {
        Paid paid = paid(tx, policy, buyerId);
        return Payout.of(lossCents, new BigDecimal(policy.indemnityRatio()), policy.perBuyerLimitCents(), paid.onBuyer(),
                aggregateLimitCents, paid.onPolicy());
    }

    /** What a policy's paid claims have paid so far, in US cents: on one buyer, and on all its buyers. */
    private record Paid(long onBuyer, long onPolicy) {
    }

    private static Paid paid(Tx tx, ClaimPolicy policy, long buyerId) {
        return new Paid(tx.number("SELECT COALESCE(SUM(payout_cents), 0) FROM claims WHERE policy_id = ?"
                + " AND buyer_id = ? AND state = 'PAID'", policy.id(), buyerId),
                tx.number("SELECT COALESCE(SUM(payout_cents), 0) FROM claims WHERE policy_id = ?"
                        + " AND state = 'PAID'", policy.id()));
    }

    /**
     * The reviewer's payout panel beside 定损赔付 (US cents): the policy's indemnity ratio, per-buyer limit and
     * aggregate limit, what its paid claims have paid on this claim's buyer and on all, what is left of each limit,
     * and for a loss the payout {@link ClaimReview#pay} would make now.
     *
     * @param aggregateAsOnPolicy  true when the policy states no aggregate limit ("as on the policy")
     * @param aggregateLimitCents  the aggregate limit that applies: the policy's, else the one entered, else null
     * @param aggregateLeftCents   null when no aggregate limit applies
     * @param payout               null when no loss was entered
     */
    public record PayoutPanel(long claimId, String indemnityRatio, long perBuyerLimitCents, boolean aggregateAsOnPolicy,
                              Long aggregateLimitCents, long paidOnBuyerCents, long paidOnPolicyCents,
                              long perBuyerLeftCents, Long aggregateLeftCents, Payout payout) {
    }

    /**
     * The payout panel of claim {@code c} under its policy: the aggregate limit is the policy's, else the one the
     * reviewer entered (null: none); the payout is that of {@code lossCents}, or null when no loss was entered.
     */
    static PayoutPanel panel(Tx tx, Claim c, ClaimPolicy policy, Long lossCents, Long enteredAggregateCents) {
        Long aggregateLimit = policy.aggregateLimitCents() != null ? policy.aggregateLimitCents() : enteredAggregateCents;
        Paid paid = paid(tx, policy, c.buyerId());
        Payout payout = lossCents == null ? null : payout(tx, policy, c.buyerId(), lossCents, aggregateLimit);
        return new PayoutPanel(c.id(), policy.indemnityRatio(), policy.perBuyerLimitCents(),
                policy.aggregateLimitCents() == null, aggregateLimit, paid.onBuyer(), paid.onPolicy(),
                Math.max(0, policy.perBuyerLimitCents() - paid.onBuyer()),
                aggregateLimit == null ? null : Math.max(0, aggregateLimit - paid.onPolicy()), payout);
    }
}
