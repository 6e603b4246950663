package cn.creditwindow.claims;

import java.time.LocalDate;

/**
 * What claims need of a policy (the enrolment package owns policies): its limits, ratio and cover. Amounts are US
 * cents; a null aggregate limit is one only the issued policy states.
 */
public record ClaimPolicy(long id, long enterpriseId, String enterpriseName, String schemeId, String state,
                          String policyNumber, LocalDate coverStart, LocalDate coverEnd, long perBuyerLimitCents,
                          Long aggregateLimitCents, String indemnityRatio) {

    /** True for an effective policy (claims are made on these). */
    public boolean effective() {
        return "EFFECTIVE".equals(state) && coverStart != null && coverEnd != null;
    }
}
