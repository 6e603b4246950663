package cn.creditwindow.digest;

import cn.creditwindow.subscriptions.Matched;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One subscriber's digest of one month: what each of their active subscriptions matched, and the alerts of the
 * buyers their enterprise watches. Kept as JSON in the archive, so it holds only plain values.
 *
 * @param month    {@code yyyy-MM}
 * @param sections one per subscription, in the order they were created
 * @param alerts    the credit alarm's alerts of the month for the subscriber's enterprise, oldest first
 * @param deadlines what the enterprise must do and by when on the day the digest was made (report a possible loss,
 *                  claim on an accepted report), soonest first; empty in digests archived before #14
 */
public record Digest(String month, String subscriberName, List<Matched> sections, List<AlertItem> alerts,
                     List<DeadlineItem> deadlines) {
    public Digest {
        sections = List.copyOf(sections);
        alerts = List.copyOf(alerts);
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    /**
     * A deadline as the home page words it on the day the digest was made ({@code losses.Obligation}): the words are
     * kept, not recomputed, since the archive shows what the e-mail said.
     *
     * @param kind   {@code REPORT} or {@code CLAIM}
     * @param zh     "报损期限：还有 12 天"
     * @param en     "Report a possible loss by 2024-07-01: 12 days left"
     * @param href   where to act (a path)
     */
    public record DeadlineItem(String kind, String zh, String en, boolean overdue, String buyerCode, String buyerName,
                               String reference, LocalDate dueOn, String href) {
    }

    /**
     * An alert of the month.
     *
     * @param link where the article or credit report is shown (a path)
     */
    public record AlertItem(String buyerCode, String buyerName, String title, String reasonZh, String reasonEn,
                            String link, Instant createdAt) {
    }

    /** How many articles matched over all subscriptions (an article matching two subscriptions counts twice). */
    public long articles() {
        return sections.stream().mapToLong(Matched::total).sum();
    }

    /**
     * True when there is nothing to tell: such a digest is not sent. (Not named isEmpty: JSON would carry it.)
     * Deadlines alone do not make a digest: they ride along with the month's articles and alerts, and the home page
     * shows them every day.
     */
    public boolean tellsNothing() {
        return articles() == 0 && alerts.isEmpty();
    }

    /** The month as 2026年10月. */
    public String monthZh() {
        return month.substring(0, 4) + "年" + Integer.parseInt(month.substring(5)) + "月";
    }
}
