package cn.creditwindow.customs;

import java.time.LocalDate;
import java.util.List;

/**
 * One number's answer in the declaration check (申报单证检查): {@code ok} with 数据正常 and the key facts, or not
 * ok with 未查询到符合条件的数据 and nothing else — the same for a number nobody holds and for another consignor's,
 * so the answer never tells whether a number exists.
 *
 * @param kind   {@code DECLARATION} or {@code CERTIFICATE}
 * @param date   the export date (declarations) or the issue date (certificates)
 * @param flags  what a claim's reviewer should look at (only with a shipment context; never for a ✗)
 */
public record CheckResult(String kind, String number, boolean ok, String resultZh, String resultEn, String consignor,
                          String billOfLadingNo, String country, LocalDate date, List<Flag> flags) {
    static final String OK_ZH = "数据正常";
    static final String OK_EN = "data found";
    static final String NONE_ZH = "未查询到符合条件的数据";
    static final String NONE_EN = "no matching data found";

    public CheckResult {
        flags = List.copyOf(flags);
    }

    static CheckResult none(String kind, String number) {
        return new CheckResult(kind, number, false, NONE_ZH, NONE_EN, null, null, null, null, List.of());
    }

    /** Something about a found declaration that a claim should not take as it is. */
    public record Flag(String code, String zh, String en) {
        /** The declaration's trade country is not the buyer's country. */
        public static final String OTHER_COUNTRY = "OTHER_COUNTRY";
        /** The export date is outside the period given (the policy's). */
        public static final String OUTSIDE_PERIOD = "OUTSIDE_PERIOD";
        /** Another claim already names the declaration. */
        public static final String ALREADY_CLAIMED = "ALREADY_CLAIMED";
    }
}
