package cn.creditwindow.alarm;

import cn.creditwindow.losses.Obligation;
import cn.creditwindow.losses.Obligations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an alert asks the enterprise to do now, when it has open shipments on the alert's buyer (receivables not yet
 * reported, or shipments in an open loss report): see its open report or report a possible loss (one click: the form
 * prefilled with the policy and buyer), consider stopping shipments, order a fresh credit report on the buyer — with
 * the report-by day of the unreported ones in the home page's words. Worked out when the alert is shown, from the
 * shipments as they are then.
 *
 * @param shipments        open shipments on the buyer (unreported and in open reports)
 * @param outstandingCents their amount outstanding, US cents
 * @param reportBy         the earliest report-by day of the unreported ones; null when all are reported
 * @param daysLeft         days from today to {@code reportBy} (negative once passed); null with it
 * @param deadlineZh       "报损期限：还有 12 天"; null with {@code reportBy}
 * @param steps            in the order to show them; {@code kind} names the text {@code alarm.action.<kind>}
 */
public record NextSteps(int shipments, long outstandingCents, LocalDate reportBy, Long daysLeft, String deadlineZh,
                        String deadlineEn, List<Step> steps) {
    public NextSteps {
        steps = List.copyOf(steps);
    }

    /**
     * One thing to do.
     *
     * @param kind {@code OPEN_REPORT}, {@code REPORT}, {@code STOP_SHIPMENTS} or {@code CREDIT_REPORT}
     * @param href where to do it (a path), or null for advice with no page of its own (stopping shipments)
     */
    public record Step(String kind, String href) {
    }

    /** The steps for an enterprise's exposure on {@code buyerId}, seen on {@code today}. */
    static NextSteps of(Obligations.Exposure e, long buyerId, LocalDate today) {
        Objects.requireNonNull(e, "e");
        List<Step> steps = new ArrayList<>();
        if (e.openReportId() != null) {
            steps.add(new Step("OPEN_REPORT", "/losses/" + e.openReportId()));
        }
        if (e.reportBy() != null) {
            steps.add(new Step("REPORT", "/losses/new?policyId=" + e.policyId() + "&buyerId=" + buyerId));
        }
        steps.add(new Step("STOP_SHIPMENTS", null));
        steps.add(new Step("CREDIT_REPORT", "/credit/order?buyerId=" + buyerId));
        Long days = e.reportBy() == null ? null : Obligation.daysLeft(today, e.reportBy());
        return new NextSteps(e.shipments(), e.outstandingCents(), e.reportBy(), days,
                days == null ? null : Obligation.zh(Obligation.Kind.REPORT, days),
                days == null ? null : Obligation.en(Obligation.Kind.REPORT, e.reportBy(), days), steps);
    }

    /** The amount outstanding in USD, e.g. 85000.00. */
    public BigDecimal outstanding() {
        return BigDecimal.valueOf(outstandingCents, 2);
    }

    public boolean overdue() {
        return daysLeft != null && daysLeft < 0;
    }

    /** The steps as plain text for the alert's e-mail, one a line, with their links (paths, as the e-mail's others). */
    String text() {
        StringBuilder b = new StringBuilder("建议措施 / What to do now（未收汇出运 ").append(shipments).append(" 笔，")
                .append(outstanding().toPlainString()).append(" 美元 / ").append(shipments)
                .append(shipments == 1 ? " open shipment, USD " : " open shipments, USD ")
                .append(outstanding().toPlainString()).append("）\n");
        if (deadlineZh != null) {
            b.append(deadlineZh).append(" / ").append(deadlineEn).append('\n');
        }
        for (Step s : steps) {
            b.append("- ").append(switch (s.kind()) {
                case "OPEN_REPORT" -> "查看报损 / See the loss report";
                case "REPORT" -> "报损 / Report a possible loss";
                case "STOP_SHIPMENTS" -> "考虑暂停向该买方出运 / Consider stopping shipments to this buyer";
                default -> "订购最新资信报告 / Order a fresh credit report";
            });
            if (s.href() != null) {
                b.append("：").append(s.href());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
