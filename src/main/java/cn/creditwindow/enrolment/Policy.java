package cn.creditwindow.enrolment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A sponsored policy of one enterprise, from the pending policy pushed on confirmation of a list to the
 * effective, received policy. Amounts are US cents; a null premium or aggregate limit is one the scheme does
 * not state (the government pays an unknown premium; the issued policy states the limit).
 *
 * @param policyNumber set when the insurer accepts the application
 * @param issuedOn     the day the insurer accepted it
 * @param coverStart   the first day covered (the policy year's first day, or the issue day when collected late)
 */
public record Policy(long id, long enterpriseId, String enterpriseName, String uscc, String schemeId, long listId,
                     PolicyState state, Receipt receipt, long insuredCents, Long premiumCents, long enterprisePartCents,
                     Long subsidyCents, long perBuyerLimitCents, Long aggregateLimitCents, String indemnityRatio,
                     LocalDate yearStart, LocalDate yearEnd, String policyNumber, LocalDate issuedOn,
                     LocalDate coverStart, LocalDate coverEnd, Instant pushedAt, Instant receivedAt) {

    /**
     * The step of the five (1 查看待确认保单 … 5 完成) the enterprise is at: 2 while an application is to be
     * submitted (again), 3 while the insurer reviews it and, once accepted, while the enterprise's share of the
     * premium is awaited (待缴费), 4 until receipt is acknowledged, 5 when done.
     */
    public int step() {
        return switch (state) {
            case PENDING, RETURNED -> 2;
            case APPLIED, AWAITING_PAYMENT -> 3;
            case EFFECTIVE -> receipt == Receipt.RECEIVED ? 5 : 4;
            case EXPIRED, WITHDRAWN -> 5;
        };
    }

    /** True while the enterprise may submit an application. */
    public boolean open() {
        return state == PolicyState.PENDING || state == PolicyState.RETURNED;
    }
}
