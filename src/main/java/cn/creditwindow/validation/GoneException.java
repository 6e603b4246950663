package cn.creditwindow.validation;

/**
 * A thing asked for by id was there and has been taken away for good (an article withdrawn from the window): unlike
 * {@link NotFoundException}, the asker may be told so, and that it will not come back.
 */
public class GoneException extends Refusal {
    /**
     * @param en what is gone and since when, in English, e.g. {@code "article 3f2a… was withdrawn on 2026-11-20"}
     * @param zh the same in Chinese
     */
    public GoneException(String en, String zh) {
        super(en, zh);
    }
}
