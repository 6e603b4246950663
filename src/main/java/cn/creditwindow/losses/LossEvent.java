package cn.creditwindow.losses;

import java.time.Instant;

/**
 * One step of a report's history.
 *
 * @param kind      SUBMITTED, UPDATED, MORE_INFO_REQUESTED, ACCEPTED, RECOVERED or CLAIMED
 * @param actorRole the actor's role when acting ({@code accounts.Role} name)
 * @param onBehalf  true when an account manager acted for the enterprise
 * @param note      what was asked for, the advice, or null
 */
public record LossEvent(long id, long reportId, String kind, long actorId, String actorName, String actorRole,
                        boolean onBehalf, Instant at, String note, Long amountCents) {
}
