package cn.creditwindow.text;

import java.util.Objects;

/**
 * A Chinese and an English name for the same thing, e.g. {@code 已提交} and {@code submitted}. Neither may be blank:
 * a page would show nothing where the name belongs.
 *
 * @param zh the Chinese name
 * @param en the English name
 */
public record Names(String zh, String en) {
    /** @throws IllegalArgumentException naming the other name when one of the two is blank */
    public Names {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        if (zh.isBlank()) {
            throw new IllegalArgumentException("the Chinese name of '" + en + "' is blank; both names are required");
        }
        if (en.isBlank()) {
            throw new IllegalArgumentException("the English name of '" + zh + "' is blank; both names are required");
        }
    }
}
