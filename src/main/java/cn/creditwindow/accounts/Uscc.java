package cn.creditwindow.accounts;

import cn.creditwindow.validation.FieldError;
import java.util.Optional;

/**
 * The Unified Social Credit Code (统一社会信用代码) of GB 32100-2015: 18 characters from
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY} (no I, O, S, V, Z); characters 3-8 are the administrative
 * division of registration, 9-17 the organisation code, 18 a check character: with weights
 * 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 over characters 1-17, check = 31 − (Σ mod 31), 31 → 0.
 */
public final class Uscc {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** The code with surrounding spaces removed and letters upper-cased (what users type is compared so). */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** What is wrong with {@code code} (already normalised), as an error for {@code field}, if anything. */
    public static Optional<FieldError> check(String field, String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of(new FieldError(field, "请填写统一社会信用代码", "the unified social credit code is required"));
        }
        if (code.length() != 18) {
            return Optional.of(new FieldError(field, "统一社会信用代码应为 18 位，实为 " + code.length() + " 位",
                    "a unified social credit code has 18 characters, this has " + code.length()));
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(new FieldError(field, "统一社会信用代码第 " + (i + 1) + " 位“" + code.charAt(i)
                        + "”不是允许的字符（数字及除 I、O、S、V、Z 外的大写字母）",
                        "character " + (i + 1) + " '" + code.charAt(i)
                                + "' is not allowed (digits and capital letters except I, O, S, V, Z)"));
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of(new FieldError(field, "统一社会信用代码第 3–8 位应为行政区划代码（数字）",
                        "characters 3-8 must be the administrative division code (digits)"));
            }
        }
        char expected = checkCharacter(code);
        if (code.charAt(17) != expected) {
            return Optional.of(new FieldError(field, "统一社会信用代码校验位错误：第 18 位应为“" + expected + "”，实为“"
                    + code.charAt(17) + "”", "wrong check character: the 18th character should be '" + expected
                    + "', not '" + code.charAt(17) + "' (GB 32100-2015)"));
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return check("uscc", code).isEmpty();
    }

    /** The check character of the first 17 characters (which must be from the alphabet). */
    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int value = 31 - sum % 31;
        return ALPHABET.charAt(value == 31 ? 0 : value);
    }

    /** The administrative division of registration: characters 3-8 of a valid code. */
    public static String divisionCode(String code) {
        return code.substring(2, 8);
    }

    /** The organisation code (组织机构代码) in its usual form, e.g. {@code 66600721-7}. */
    public static String organisationCode(String code) {
        return code.substring(8, 16) + "-" + code.charAt(16);
    }
}
