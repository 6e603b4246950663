package cn.creditwindow.digest;

import cn.creditwindow.subscriptions.Matched;
import java.time.Instant;
import java.util.List;

/**
 * One subscriber's digest of one month: what each of their active subscriptions matched, and the alerts of the
 * buyers their enterprise watches. Kept as JSON in the archive, so it holds only plain values.
 *
 * @param month    {@code yyyy-MM}
 * @param sections one per subscription, in the order they were created
 * @param alerts   the credit alarm's alerts of the month for the subscriber's enterprise, oldest first
 */
public record Digest(String month, String subscriberName, List<Matched> sections, List<AlertItem> alerts) {
    public Digest {
        sections = List.copyOf(sections);
        alerts = List.copyOf(alerts);
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

    /** True when there is nothing to tell: such a digest is not sent. (Not named isEmpty: JSON would carry it.) */
    public boolean tellsNothing() {
        return articles() == 0 && alerts.isEmpty();
    }

    /** The month as 2026年10月. */
    public String monthZh() {
        return month.substring(0, 4) + "年" + Integer.parseInt(month.substring(5)) + "月";
    }
}
