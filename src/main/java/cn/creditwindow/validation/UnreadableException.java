package cn.creditwindow.validation;

/** What was sent is well-formed but its content cannot be used (a feed document without a usable item). */
public class UnreadableException extends Refusal {
    public UnreadableException(String en, String zh) {
        super(en, zh);
    }
}
