package cn.creditwindow.validation;

import java.util.List;

/** What every form and data reader does with a text field before checking it. */
public final class Text {
    private Text() {
    }

    /** The text without surrounding white space, or null when there is none left (a field left empty). */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A required text field of at most {@code max} characters, stripped (null when blank); adds an error naming the
     * field to {@code errors} when it is blank or too long.
     *
     * @param zh the field's name in Chinese, e.g. {@code 联系人}
     * @param en the same in English, e.g. {@code the contact's name}
     */
    public static String required(String field, String value, int max, String zh, String en, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            errors.add(new FieldError(field, "请填写" + zh, en + " is required"));
        } else if (v.length() > max) {
            errors.add(new FieldError(field, zh + "不能超过 " + max + " 字", en + " must be at most " + max + " characters"));
        }
        return v;
    }
}
