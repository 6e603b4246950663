package cn.creditwindow.validation;

/** What every form and data reader does with a text field before checking it. */
public final class Text {
    private Text() {
    }

    /** The text without surrounding white space, or null when there is none left (a field left empty). */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
