package cn.creditwindow.accounts;

import cn.creditwindow.validation.FieldError;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of contact details every form shares: mainland mobile numbers and e-mail addresses. Ordinary
 * addresses with {@code -} and {@code _} are valid (the original system refused them; the spec fixes that).
 */
public final class Contacts {
    /** 11 digits starting 13-19 (China's mobile ranges), optionally after +86 / 0086 and spaces or dashes. */
    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86|0086)?1[3-9]\\d{9}");
    /** A pragmatic address check: local part of letters, digits and ._%+-, a domain with a dot-separated TLD. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}");

    private Contacts() {
    }

    /** The mobile number as 11 digits (spaces, dashes and a +86 prefix removed), without checking it. */
    public static String normaliseMobile(String mobile) {
        String digits = mobile == null ? "" : mobile.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits;
    }

    public static Optional<FieldError> checkMobile(String field, String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return Optional.of(new FieldError(field, "请填写手机号码", "the mobile number is required"));
        }
        String compact = mobile.replaceAll("[\\s-]", "");
        if (!MOBILE.matcher(compact).matches()) {
            return Optional.of(new FieldError(field, "手机号码格式不正确：应为 11 位、以 13–19 开头的中国大陆手机号",
                    "not a valid mobile number: 11 digits starting with 13-19 (mainland China)"));
        }
        return Optional.empty();
    }

    public static Optional<FieldError> checkEmail(String field, String email) {
        if (email == null || email.isBlank()) {
            return Optional.of(new FieldError(field, "请填写电子邮箱", "the e-mail address is required"));
        }
        if (email.length() > 254 || !EMAIL.matcher(email.strip()).matches() || email.contains("..")) {
            return Optional.of(new FieldError(field, "电子邮箱格式不正确，例如 name_1-a@example.com",
                    "not a valid e-mail address, e.g. name_1-a@example.com"));
        }
        return Optional.empty();
    }
}
