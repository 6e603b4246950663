package cn.creditwindow.validation;

/**
 * A request refused as a whole, for a reason its kind names: not signed in, not allowed, not found, a state that does
 * not allow it, a quota used up, locked out, too large… Domain code throws the kind that says what happened; one
 * place ({@code web.Statuses}) turns each kind into an HTTP status, for the server's error mapping. (Bad fields are
 * an {@link InvalidInputException}, which names each.)
 */
public abstract class Refusal extends RuntimeException {
    private final String zh;

    /**
     * @param en why, in English
     * @param zh the same in Chinese
     */
    protected Refusal(String en, String zh) {
        super(en);
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
