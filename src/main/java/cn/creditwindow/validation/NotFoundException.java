package cn.creditwindow.validation;

/** A thing asked for by id does not exist (or is not the asker's to see, which must not be told apart). */
public class NotFoundException extends Refusal {
    /**
     * @param en what was not found, in English, e.g. {@code "article 3f2a… not found"}
     * @param zh the same in Chinese
     */
    public NotFoundException(String en, String zh) {
        super(en, zh);
    }
}
