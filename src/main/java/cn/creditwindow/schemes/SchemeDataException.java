package cn.creditwindow.schemes;

/**
 * A scheme's data break a rule: the message names the file (when read from one), the scheme and the field; {@link
 * #field} is the field's path alone ({@code eligibility.exportsAtMost}, or empty for the whole entry), so that an
 * administrator's upload can be answered field by field.
 */
final class SchemeDataException extends IllegalArgumentException {
    private final String field;
    private final String rule;

    SchemeDataException(String message, String field, String rule, Throwable cause) {
        super(message, cause);
        this.field = field == null ? "" : field;
        this.rule = rule;
    }

    /** The path of the field that breaks the rule, dot-separated; empty when it is the entry as a whole. */
    public String field() {
        return field;
    }

    /** The broken rule alone, without the file or scheme. */
    public String rule() {
        return rule;
    }
}
