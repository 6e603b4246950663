package cn.creditwindow.validation;

/** A counted allowance is used up: the free reports of a policy year, a paid quota. */
public class QuotaExhaustedException extends ConflictException {
    public QuotaExhaustedException(String en, String zh) {
        super(en, zh);
    }
}
