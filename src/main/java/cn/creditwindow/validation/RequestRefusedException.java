package cn.creditwindow.validation;

/**
 * A request refused as a whole, with the HTTP status that says why: 401 (who is asking is not
 * allowed), 413 (too large), 415, 422 (well-formed but unreadable content)…
 */
public class RequestRefusedException extends RuntimeException {
    private final int status;
    private final String zh;

    public RequestRefusedException(int status, String en, String zh) {
        super(en);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a refusal is a 4xx status, was " + status);
        }
        this.status = status;
        this.zh = zh;
    }

    public int status() {
        return status;
    }

    public String zh() {
        return zh;
    }
}
