package cn.creditwindow.validation;

import java.util.Objects;

/**
 * What is wrong with one input field, in both languages the product speaks.
 *
 * @param field the parameter or JSON property, e.g. {@code page} or {@code country}
 * @param zh    the message in Chinese
 * @param en    the message in English
 */
public record FieldError(String field, String zh, String en) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }
}
