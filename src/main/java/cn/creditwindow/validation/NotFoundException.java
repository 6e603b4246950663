package cn.creditwindow.validation;

/** A thing asked for by id does not exist (or is not the asker's to see). Mapped to 404. */
public class NotFoundException extends RuntimeException {
    private final String zh;

    /**
     * @param en what was not found, in English, e.g. {@code "article 3f2a… not found"}
     * @param zh the same in Chinese
     */
    public NotFoundException(String en, String zh) {
        super(en);
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
