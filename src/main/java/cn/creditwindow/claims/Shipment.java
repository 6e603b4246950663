package cn.creditwindow.claims;

import java.time.LocalDate;
import java.util.List;

/**
 * One shipment of a claim (出运信息). Amounts are US cents.
 *
 * @param declarations the 18-digit customs declaration numbers
 */
public record Shipment(long id, long claimId, String invoiceNo, String hsCode, LocalDate shippedOn,
                       String paymentMethod, int termDays, long invoiceCents, long claimedCents,
                       String collectionStatus, String transportMode, List<String> declarations,
                       String originCertificate) {
}
