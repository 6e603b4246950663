package cn.creditwindow.search;

/**
 * The search engine cannot answer now (every node of the search cluster tried is down, slow or failing); the
 * request may succeed later. Nothing was changed by the attempt that failed, or it is safe to repeat.
 */
public final class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
