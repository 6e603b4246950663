package cn.creditwindow.losses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A possible-loss report (可能损失通知) on one policy and one buyer. Amounts are US cents.
 *
 * @param reportedOn    the day it was submitted (or last resubmitted)
 * @param reportBy      the earliest report-by day of its shipments
 * @param late          reported after {@code reportBy}: accepted all the same, for the insurer to weigh
 * @param caseNo        the insurer's case number once accepted, else null
 * @param adviceCodes   the insurer's coded advice (losses/advice.txt)
 * @param claimBy       once accepted and until it ends: the last day to claim ({@code LossDeadlines.claimBy}); else null
 * @param claimId       the claim drafted from it, once CLAIMED
 * @param onBehalf      made by an account manager for the enterprise
 */
public record LossReport(long id, long enterpriseId, String enterpriseName, long policyId, String policyNumber,
                         long buyerId, String buyerCode, String buyerName, String buyerCountry, LossState state,
                         String cause, String actionsTaken, String contactName, String contactMobile,
                         String contactEmail, LocalDate reportedOn, LocalDate reportBy, boolean late, String caseNo,
                         Long handlerId, String handlerName, LocalDate acceptedOn, String advice,
                         List<String> adviceCodes, Long recoveredCents, Long claimId, boolean onBehalf,
                         long outstandingCents, LocalDate claimBy, Instant createdAt) {
    public LossReport {
        adviceCodes = List.copyOf(adviceCodes);
    }
}
