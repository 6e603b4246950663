package cn.creditwindow.validation;

/** Nobody is signed in (or the credentials given are wrong or revoked) where someone must be. */
public class NotSignedInException extends Refusal {
    public NotSignedInException(String en, String zh) {
        super(en, zh);
    }
}
