package cn.creditwindow.alarm;

import java.time.Instant;

/**
 * An enterprise watching a buyer.
 *
 * @param muted true when the enterprise wants no new alerts about the buyer for now (the watch stays)
 */
public record Watch(long enterpriseId, long buyerId, String buyerCode, String buyerNameEn, String buyerNameZh,
                    String buyerCountry, boolean muted, Instant createdAt, long alerts, long unread) {
}
