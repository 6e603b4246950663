package cn.creditwindow.claims;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.customs.DeclarationNumber;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.validation.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field rules of the claim form, each adding a {@link FieldError} in Chinese and English when broken; the few the
 * possible-loss report shares (text, USD amounts, declaration numbers) are public.
 */
public final class ClaimChecks {
    /** SWIFT/BIC (ISO 9362): 4 letters bank, 2 letters country, 2 alphanumerics location, optional 3 branch. */
    private static final Pattern SWIFT = Pattern.compile("[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern HS_CODE = Pattern.compile("\\d{6,10}");
    static final int MIN_HAN = 20;
    static final int MAX_TEXT = 2000;

    private ClaimChecks() {
    }

    public static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** A SWIFT/BIC in upper case, or null after adding an error; a blank value is left to the caller. */
    static String swift(String field, String value, Countries countries, List<FieldError> errors) {
        String v = strip(value).toUpperCase(java.util.Locale.ROOT);
        var m = SWIFT.matcher(v);
        if (!m.matches() || countries.find(m.group(1)).isEmpty()) {
            errors.add(new FieldError(field, "SWIFT 码应为 8 或 11 位：4 位银行代码字母、2 位国家代码（ISO）、2 位地区代码，"
                    + "可加 3 位分行代码", "a SWIFT/BIC is 8 or 11 characters: 4 letters for the bank, an ISO country"
                    + " code, 2 letters or digits for the location and an optional 3 for the branch"));
            return null;
        }
        return v;
    }

    /** An ISO alpha-2 code for a country code or name, or null after adding an error. */
    static String country(String field, String value, Countries countries, List<FieldError> errors) {
        Optional<Country> c = countries.find(strip(value));
        if (c.isEmpty()) {
            errors.add(new FieldError(field, "请选择国家（地区）", "choose a country or region"));
            return null;
        }
        return c.get().alpha2();
    }

    /** Required text of at most {@code max} characters. */
    public static String text(String field, String value, int max, String zhName, String enName, List<FieldError> errors) {
        String v = strip(value);
        if (v.isEmpty() || v.length() > max) {
            errors.add(new FieldError(field, "请填写" + zhName + "（不超过 " + max + " 字）",
                    enName + " is required (at most " + max + " characters)"));
            return null;
        }
        return v;
    }

    /** The number of Han (Chinese) characters in a text. */
    static int hanCount(String s) {
        return (int) strip(s).codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .count();
    }

    /** A description of at least {@value #MIN_HAN} Chinese characters and at most {@value #MAX_TEXT} in all. */
    static String description(String field, String value, String zhName, String enName, List<FieldError> errors) {
        String v = strip(value);
        if (hanCount(v) < MIN_HAN || v.length() > MAX_TEXT) {
            errors.add(new FieldError(field, zhName + "不能少于 " + MIN_HAN + " 个汉字（当前 " + hanCount(v) + " 个），不超过 "
                    + MAX_TEXT + " 字", enName + " needs at least " + MIN_HAN + " Chinese characters (it has "
                    + hanCount(v) + ") and at most " + MAX_TEXT + " characters"));
            return null;
        }
        return v;
    }

    /** A USD amount above 0 with at most 2 decimals, in cents, or null after adding an error. */
    public static Long usd(String field, String value, String zhName, String enName, List<FieldError> errors) {
        String v = strip(value).replace(",", "");
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() > 0 && d.scale() <= 2 && d.compareTo(new BigDecimal("1000000000000")) < 0) {
                return d.movePointRight(2).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException ignored) {
            // reported below
        }
        errors.add(new FieldError(field, zhName + "应为大于 0 的美元金额，最多两位小数",
                enName + " is an amount in USD above 0 with at most 2 decimals"));
        return null;
    }

    /** An HS code of 6 to 10 digits. */
    static String hsCode(String field, String value, List<FieldError> errors) {
        String v = strip(value);
        if (!HS_CODE.matcher(v).matches()) {
            errors.add(new FieldError(field, "海关商品编号应为 6–10 位数字", "the HS code is 6 to 10 digits"));
            return null;
        }
        return v;
    }

    /** A date inside [first, last]. */
    static LocalDate dateWithin(String field, String value, LocalDate first, LocalDate last, List<FieldError> errors) {
        try {
            LocalDate d = LocalDate.parse(strip(value));
            if (!d.isBefore(first) && !d.isAfter(last)) {
                return d;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        errors.add(new FieldError(field, "出运日期应在保单有效期内（" + first + " 至 " + last + "），格式 YYYY-MM-DD",
                "the shipment date must be inside the policy's cover, " + first + " to " + last + " (YYYY-MM-DD)"));
        return null;
    }

    /**
     * Customs declaration numbers separated by commas, semicolons or spaces, at least one, each an export declaration
     * number by {@link DeclarationNumber#problem} (declared no later than {@code thisYear}); returned comma-joined.
     */
    /** Declaration numbers one shipment may name. */
    static final int MAX_DECLARATIONS = 20;

    public static String declarations(String field, String value, int thisYear, List<FieldError> errors) {
        String[] parts = strip(value).split("[,;，；\\s]+");
        if (parts.length > MAX_DECLARATIONS) { // the shipment data report takes at most this many a set
            errors.add(new FieldError(field, "每条出运信息最多 " + MAX_DECLARATIONS + " 个报关单号",
                    "at most " + MAX_DECLARATIONS + " declaration numbers a shipment"));
            return null;
        }
        List<String> ok = new java.util.ArrayList<>();
        for (String p : parts) {
            var problem = DeclarationNumber.problem(field, p, thisYear);
            if (problem.isPresent()) {
                errors.add(problem.get());
                return null;
            }
            ok.add(p);
        }
        return String.join(",", ok);
    }
}
