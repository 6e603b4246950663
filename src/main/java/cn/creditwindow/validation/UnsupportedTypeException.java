package cn.creditwindow.validation;

/** What was sent is of a kind not accepted (a file type). */
public class UnsupportedTypeException extends Refusal {
    public UnsupportedTypeException(String en, String zh) {
        super(en, zh);
    }
}
