package cn.creditwindow.alarm;

import java.time.Instant;

/**
 * One alert of the credit alarm, in an enterprise's inbox.
 *
 * @param kind      {@code ARTICLE} (a newly ingested article names the buyer) or {@code REPORT} (a delivered credit
 *                  report marks risk events)
 * @param articleId the article, for {@code ARTICLE}; else null
 * @param orderId   the credit-report order, for {@code REPORT}; else null
 * @param title     the article's title, or the report's summary
 * @param matched   what matched: the buyer's name as found, or the risk events (one per line)
 * @param link      where the article or report is shown ({@code /articles/{id}}, {@code /credit/orders/{id}})
 * @param readAt    when someone of the enterprise marked it read, or null while unread
 * @param nextSteps what to do now about the buyer, worked out when the alert is shown from the enterprise's open
 *                  shipments on it (#14); null when it has none open, and in the monthly digest
 */
public record Alert(long id, long enterpriseId, long buyerId, String buyerCode, String buyerNameEn, String kind,
                    String articleId, Long orderId, String title, String matched, String reasonZh, String reasonEn,
                    String link, Instant createdAt, Instant readAt, NextSteps nextSteps) {
    /** This alert with what to do now. */
    Alert with(NextSteps steps) {
        return new Alert(id, enterpriseId, buyerId, buyerCode, buyerNameEn, kind, articleId, orderId, title, matched,
                reasonZh, reasonEn, link, createdAt, readAt, steps);
    }

    public boolean read() {
        return readAt != null;
    }
}
