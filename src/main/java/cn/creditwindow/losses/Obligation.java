package cn.creditwindow.losses;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Something an enterprise must do by a day: report a possible loss on an overdue receivable ({@link Kind#REPORT},
 * by {@code LossDeadlines.reportBy(due)}), or claim on an accepted report ({@link Kind#CLAIM}, by
 * {@code claimBy(reportedOn)}). Counted in calendar days from the app's today.
 *
 * @param reference the invoice number (REPORT) or the report's case number (CLAIM)
 * @param daysLeft  days from today to {@code dueOn}: 0 on the day itself, negative once overdue
 * @param href      where to act: the report form for the buyer, or the report
 */
public record Obligation(Kind kind, long enterpriseId, String enterpriseName, long buyerId, String buyerCode,
                         String buyerName, String reference, LocalDate dueOn, long daysLeft, String href) {
    /** What is due. */
    public enum Kind implements Bilingual {
        REPORT("报损期限", "Report a possible loss by"),
        CLAIM("索赔期限", "Claim by");

        private final Names names;

        Kind(String zh, String en) {
            this.names = new Names(zh, en);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    /** The obligation due on {@code dueOn}, seen on {@code today}. */
    static Obligation of(Kind kind, long enterpriseId, String enterpriseName, long buyerId, String buyerCode,
                         String buyerName, String reference, LocalDate dueOn, LocalDate today, String href) {
        Objects.requireNonNull(dueOn, "dueOn");
        return new Obligation(kind, enterpriseId, enterpriseName, buyerId, buyerCode, buyerName, reference, dueOn,
                daysLeft(today, dueOn), href);
    }

    /** Calendar days from {@code today} to {@code dueOn}; negative when it has passed. */
    public static long daysLeft(LocalDate today, LocalDate dueOn) {
        return ChronoUnit.DAYS.between(Objects.requireNonNull(today, "today"), dueOn);
    }

    public boolean overdue() {
        return daysLeft < 0;
    }

    /** "报损期限：还有 12 天", "索赔期限：已逾期 3 天". */
    public String zh() {
        return zh(kind, daysLeft);
    }

    /** "Report a possible loss by 2024-07-01: 12 days left", "…: 3 days overdue". */
    public String en() {
        return en(kind, dueOn, daysLeft);
    }

    /** {@link #zh()} of a deadline anywhere (the credit alarm words its report-by day the same way). */
    public static String zh(Kind kind, long daysLeft) {
        return kind.zh() + "：" + (daysLeft < 0 ? "已逾期 " + -daysLeft + " 天" : "还有 " + daysLeft + " 天");
    }

    /** {@link #en()} of a deadline anywhere. */
    public static String en(Kind kind, LocalDate dueOn, long daysLeft) {
        long n = Math.abs(daysLeft);
        return kind.en() + " " + dueOn + ": " + n + (n == 1 ? " day" : " days") + (daysLeft < 0 ? " overdue" : " left");
    }
}
