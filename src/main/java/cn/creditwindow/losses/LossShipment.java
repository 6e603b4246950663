package cn.creditwindow.losses;

import java.time.LocalDate;
import java.util.List;

/**
 * A receivable the window knows of: registered as outstanding ({@code reportId} null) or named in a report.
 * Amounts are US cents.
 *
 * @param reportBy     the last day to report it, by the policy's scheme ({@code LossDeadlines.reportBy(dueOn)})
 * @param declarations the 18-digit customs declaration numbers behind it; may be empty
 */
public record LossShipment(long id, Long reportId, long buyerId, String invoiceNo, LocalDate shippedOn,
                           LocalDate dueOn, long outstandingCents, List<String> declarations, LocalDate reportBy) {
    public LossShipment {
        declarations = List.copyOf(declarations);
    }
}
