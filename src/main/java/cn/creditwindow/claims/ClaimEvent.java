package cn.creditwindow.claims;

import java.time.Instant;

/**
 * One step of a claim's history: a submission or a decision.
 *
 * @param kind        SUBMITTED, RETURNED, ACCEPTED or PAID
 * @param reason      the return reason, else null
 * @param amountCents the payout, for PAID
 */
public record ClaimEvent(long id, long claimId, String kind, long actorId, String actorName, Instant at,
                         String reason, Long amountCents) {
}
