package cn.creditwindow.validation;

/** What was sent is larger than allowed: a file, a document, the attachments of a claim together. */
public class TooLargeException extends Refusal {
    public TooLargeException(String en, String zh) {
        super(en, zh);
    }
}
