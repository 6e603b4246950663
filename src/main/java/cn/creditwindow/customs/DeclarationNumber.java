package cn.creditwindow.customs;

import cn.creditwindow.validation.FieldError;
import java.util.Optional;

/**
 * The 18-digit number of a customs declaration (报关单编号), as China Customs numbers them: digits 1–4 the customs
 * office that accepted the declaration (申报地海关, e.g. 5301 深圳海关), 5–8 the year it was declared, 9 the
 * import/export flag — {@code 1} import (进口), {@code 0} export (出口) — and 10–18 a sequence number. The manual's
 * example 010120190000000044 is an export declaration of office 0101 in 2019. Only export declarations belong to an
 * export credit claim, so only flag {@code 0} is accepted here.
 *
 * @param number the 18 digits
 */
public record DeclarationNumber(String number) {
    /** The flag digit of an export declaration. */
    public static final char EXPORT = '0';
    /** The flag digit of an import declaration. */
    public static final char IMPORT = '1';
    /** The first year of the 18-digit numbering the window accepts. */
    static final int FIRST_YEAR = 2000;

    public DeclarationNumber {
        if (number == null || !number.matches("\\d{18}")) {
            throw new IllegalArgumentException("a declaration number has 18 digits, not '" + number + "'");
        }
    }

    /** 申报地海关: the accepting customs office's 4-digit code. */
    public String office() {
        return number.substring(0, 4);
    }

    public int year() {
        return Integer.parseInt(number.substring(4, 8));
    }

    public char flag() {
        return number.charAt(8);
    }

    public String sequence() {
        return number.substring(9);
    }

    /**
     * What is wrong with {@code raw} as an export declaration number declared no later than {@code thisYear}, if
     * anything: every part is checked and the message names the part and the rule.
     */
    public static Optional<FieldError> problem(String field, String raw, int thisYear) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty()) {
            return Optional.of(new FieldError(field, "请填写 18 位报关单号", "the 18-digit declaration number is required"));
        }
        if (!n.matches("\\d{18}")) {
            return Optional.of(new FieldError(field, "报关单号“" + n + "”应为 18 位数字（现为 " + n.length() + " 位）",
                    "declaration number '" + n + "' must be 18 digits (it has " + n.length() + " characters)"));
        }
        int year = Integer.parseInt(n.substring(4, 8));
        if (year < FIRST_YEAR || year > thisYear) {
            return Optional.of(new FieldError(field, "报关单号“" + n + "”第 5–8 位为申报年份，应在 " + FIRST_YEAR + "–"
                    + thisYear + " 之间（现为 " + year + "）", "declaration number '" + n + "': digits 5-8 are the year"
                    + " declared and must be " + FIRST_YEAR + "-" + thisYear + " (it is " + year + ")"));
        }
        char flag = n.charAt(8);
        if (flag == IMPORT) {
            return Optional.of(new FieldError(field, "报关单号“" + n + "”第 9 位为 1，是进口报关单；索赔只接受出口报关单（第 9 位为 0）",
                    "declaration number '" + n + "' has 1 as its 9th digit: an import declaration; claims take export"
                            + " declarations only (9th digit 0)"));
        }
        if (flag != EXPORT) {
            return Optional.of(new FieldError(field, "报关单号“" + n + "”第 9 位为进出口标志，应为 0（出口）或 1（进口）",
                    "declaration number '" + n + "': the 9th digit is the import/export flag, 0 (export) or 1 (import)"));
        }
        return Optional.empty();
    }
}
