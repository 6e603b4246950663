package cn.creditwindow.customs;

import java.time.LocalDate;
import java.util.List;

/**
 * An export declaration as the window holds it.
 *
 * @param office        申报地海关, the number's first four digits
 * @param enterpriseId  the consignor (境内收发货人)
 * @param consignorUscc the consignor's USCC
 * @param consignorName the consignor's Chinese name
 * @param tradeCountry  贸易国（地区）, ISO alpha-2
 * @param exitOffice    出境关别, a 4-digit customs office code
 */
public record Declaration(long id, String number, String office, long enterpriseId, String consignorUscc,
                          String consignorName, String billOfLadingNo, String tradeCountry, LocalDate exportDate,
                          String exitOffice, TransportMode transportMode, List<Goods> goods) {
    public Declaration {
        goods = List.copyOf(goods);
    }

    /**
     * One goods line. Prices in hundredths of {@code currency}.
     *
     * @param quantity a plain decimal, as declared
     */
    public record Goods(int lineNo, String hsCode, String name, String quantity, String unit, long unitPriceCents,
                        long totalCents, String currency) {
    }
}
