package cn.creditwindow.validation;

/** Too many failed tries: the account or the code is locked for a while. */
public class LockedOutException extends Refusal {
    public LockedOutException(String en, String zh) {
        super(en, zh);
    }
}
