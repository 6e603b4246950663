package cn.creditwindow.financing;

import java.time.Instant;

/**
 * An enterprise's application for a financing product, recorded for the insurer and the bank.
 *
 * @param amountYuan   whole yuan
 * @param policyNumber the effective policy it was applied with, or null when the product needs none
 * @param decidedAt    when the staff recorded the bank's decision, or null while submitted
 */
public record FinancingApplication(long id, long enterpriseId, String enterpriseName, String uscc, String productId,
                                   String productName, String bankName, long amountYuan, int termMonths,
                                   String purpose, String contactName, String mobile, String email, Long policyId,
                                   String policyNumber, ApplicationState state, String submittedByName,
                                   Instant submittedAt, String decidedByName, Instant decidedAt, String decisionNote) {
}
