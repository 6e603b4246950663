package cn.creditwindow.validation;

/** The one asking may not do this: another role's work, another enterprise's record, a step only the legal representative may take. */
public class NotAllowedException extends Refusal {
    public NotAllowedException(String en, String zh) {
        super(en, zh);
    }
}
