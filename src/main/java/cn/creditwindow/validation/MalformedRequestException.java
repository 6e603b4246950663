package cn.creditwindow.validation;

/** The request itself could not be read (a broken multipart form). */
public class MalformedRequestException extends Refusal {
    public MalformedRequestException(String en, String zh) {
        super(en, zh);
    }
}
