package cn.creditwindow.claims;

import java.time.LocalDate;
import java.util.List;

/**
 * A shipment of the possible-loss report a claim was drafted from whose invoice number the claim does not have yet:
 * what the add-shipment form can be prefilled with. A report holds the invoice number, the shipment date, the amount
 * outstanding (US cents) and the customs declaration numbers; the HS code, payment method and term, collection
 * status, transport mode and certificate of origin it does not hold, and they are left for the enterprise.
 *
 * @param id           the report shipment's id (the {@code fromLoss} of the claim page's prefill link)
 * @param declarations the 18-digit customs declaration numbers; may be empty
 */
public record ReportShipment(long id, String invoiceNo, LocalDate shippedOn, long outstandingCents,
                             List<String> declarations) {
    public ReportShipment {
        declarations = List.copyOf(declarations);
    }
}
