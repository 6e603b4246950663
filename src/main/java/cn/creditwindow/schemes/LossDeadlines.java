package cn.creditwindow.schemes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The two windows a scheme gives an enterprise once a receivable goes wrong, in calendar days: report the
 * possible loss (报损, 可能损失通知) within {@code reportDaysAfterDue} days of the shipment's due date (or of
 * learning of the buyer's insolvency or the political event, when that comes first), then claim (索赔) within
 * {@code claimDaysAfterReport} days of the report. Values are the insurer's, configured in the scheme data
 * ({@code schemes/README.md} says where each comes from).
 *
 * @param reportDaysAfterDue   days after the due date (or the event) the report may be made, 1 or more
 * @param claimDaysAfterReport days after the report the claim may be made, 1 or more
 */
public record LossDeadlines(int reportDaysAfterDue, int claimDaysAfterReport) {
    public LossDeadlines {
        if (reportDaysAfterDue < 1) {
            throw new IllegalArgumentException("reportDaysAfterDue " + reportDaysAfterDue + " must be 1 or more");
        }
        if (claimDaysAfterReport < 1) {
            throw new IllegalArgumentException("claimDaysAfterReport " + claimDaysAfterReport + " must be 1 or more");
        }
    }

    /** The last day to report a possible loss on a receivable due on {@code due} (or an event on that day). */
    public LocalDate reportBy(LocalDate due) {
        return Objects.requireNonNull(due, "due").plusDays(reportDaysAfterDue);
    }

    /** The last day to claim on a possible loss reported on {@code reportedOn}. */
    public LocalDate claimBy(LocalDate reportedOn) {
        return Objects.requireNonNull(reportedOn, "reportedOn").plusDays(claimDaysAfterReport);
    }
}
