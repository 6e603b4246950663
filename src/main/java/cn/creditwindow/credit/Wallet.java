package cn.creditwindow.credit;

import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise's free reports: how many its effective sponsored policy gives for the policy year, how many are
 * used and left, when they expire, and every order that took one (who ordered it, on behalf or not, its state).
 *
 * @param policy             the effective sponsored policy, or null (no free reports)
 * @param extraCreditReports what an order beyond the free ones gets (CHARGED or REFUSED), or null without a policy
 * @param uses               the orders that took a free report, newest first (returned ones included and marked)
 * @param orders             every order of the enterprise, newest first
 */
public record Wallet(long enterpriseId, String enterpriseName, PolicyInfo policy, int freeTotal, int freeUsed,
                     int freeLeft, LocalDate expiresOn, String extraCreditReports, List<CreditOrder> uses,
                     List<CreditOrder> orders) {

    /** The policy the free reports come with. */
    public record PolicyInfo(long id, String policyNumber, String schemeId, String schemeNameZh, String schemeNameEn,
                             LocalDate yearStart, LocalDate yearEnd) {
    }
}
