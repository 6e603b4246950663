package cn.creditwindow.credit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A report order as its readers see it.
 *
 * @param onBehalf  true when an account manager ordered it for the enterprise
 * @param free      true when it took one of the sponsored policy's free reports (its {@code slot})
 * @param chargeFen what the enterprise is charged, CNY fen (an urgent free report still costs its surcharge)
 * @param report    the delivered report, or null before delivery
 */
public record CreditOrder(long id, long enterpriseId, String enterpriseName, String type, String typeNameZh,
                          String typeNameEn, Long buyerId, String buyerCode, String buyerName, String buyerCountry,
                          String countryCode, String hsCode, String product, boolean urgent, OrderState state,
                          boolean free, Integer slot, long chargeFen, String currency, long orderedById,
                          String orderedByName, String orderedByRole, boolean onBehalf, Instant createdAt,
                          Instant updatedAt, Long takenBy, Instant deliveredAt, Report report) {

    /** The charge in yuan, two decimals. */
    @JsonProperty
    public String charge() {
        return Fen.show(chargeFen);
    }

    /** True for a free order whose slot went back to the quota (cancelled, unable to locate). */
    @JsonProperty
    public boolean slotReturned() {
        return free && !state.live();
    }

    /** What the order is about, for lists: the buyer, else the country and product. */
    @JsonProperty
    public String subject() {
        if (buyerName != null) {
            return buyerName + " (" + buyerCode + ")";
        }
        StringBuilder s = new StringBuilder();
        if (countryCode != null) {
            s.append(countryCode);
        }
        if (hsCode != null) {
            s.append(s.isEmpty() ? "" : " · ").append("HS ").append(hsCode);
        }
        if (product != null) {
            s.append(s.isEmpty() ? "" : " · ").append(product);
        }
        return s.toString();
    }
}
