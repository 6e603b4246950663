package cn.creditwindow.search;

/** A page asked for lies beyond {@link ArticleIndex#MAX_WINDOW} results. */
public final class ResultWindowException extends RuntimeException {
    public ResultWindowException(int page, int size) {
        super("page " + page + " × size " + size + " reaches beyond the first "
                + ArticleIndex.MAX_WINDOW + " results; narrow the search instead");
    }
}
