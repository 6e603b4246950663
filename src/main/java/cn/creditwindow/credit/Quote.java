package cn.creditwindow.credit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * What an order would cost, shown before the user confirms: {@link Basis#FREE} (one of the free reports; an urgent
 * order still costs its surcharge), {@link Basis#CHARGED} at the configured price, or {@link Basis#REFUSED} (the
 * scheme gives only its free reports, and they are used). The confirming order carries {@link #charge()} as
 * {@code expectedCharge}.
 *
 * @param freeTotal     the free reports of the policy year (0 without an effective sponsored policy)
 * @param freeLeft      how many are left
 * @param freeExpiresOn the last day they may be used, or null
 */
public record Quote(String type, Basis basis, long chargeFen, String currency, long priceFen, long urgentSurchargeFen,
                    boolean urgent, int freeTotal, int freeLeft, LocalDate freeExpiresOn, String messageZh,
                    String messageEn) {
    /** How the order would be paid for. */
    public enum Basis { FREE, CHARGED, REFUSED }

    /** The charge in yuan, two decimals. */
    @JsonProperty
    public String charge() {
        return Fen.show(chargeFen);
    }

    @JsonProperty
    public String price() {
        return Fen.show(priceFen);
    }

    @JsonProperty
    public String urgentSurcharge() {
        return Fen.show(urgentSurchargeFen);
    }
}
