package cn.creditwindow.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store and search of risk information. The one seam between the product and its search
 * engine: the embedded {@link LuceneArticleIndex} here, a search cluster in a larger deployment.
 *
 * <p>Implementations are safe for concurrent use; writes may be serialised.
 */
public interface ArticleIndex extends AutoCloseable {
    /**
     * Deepest result a page may reach (page × size), as search engines limit their result window: every
     * implementation serves results up to here, and a page beyond it is a {@link ResultWindowException}.
     */
    int MAX_WINDOW = 10_000;

    /** What storing an article did. */
    enum Outcome { NEW, UPDATED, UNCHANGED }

    /**
     * Stores the articles, replacing earlier versions with the same id. Returns only once the
     * articles are durable (they survive a crash) and visible to the next search.
     *
     * @return one outcome per article, in order
     */
    List<Outcome> upsert(List<Article> articles) throws IOException;

    /**
     * Removes the articles with these ids. Returns only once the removal is durable and no search, overview, facet,
     * total or {@link #find} sees them any more; ids not stored are left alone. What to keep out of the index for
     * good is not decided here: a later {@link #upsert} of the same id stores it again.
     *
     * @return how many of the (distinct) ids were stored
     */
    int delete(Collection<String> ids) throws IOException;

    /**
     * Arranges the index for searching after a bulk load (a folder scan that stored many articles): the embedded
     * index merges its segments into one, so that each query looks each term up once instead of once a segment.
     * Searches and writes go on meanwhile; the caller waits. A search cluster merges on its own: nothing to do.
     */
    default void compact() throws IOException {
    }

    /**
     * A bulk load begins: batch after batch of articles, to end with {@link #compact}. Until the returned handle is
     * closed the index may put off the work it does after each write to stay quick to search, to do it once at the end
     * (the embedded index merges no segments meanwhile: each article is then rewritten once, by {@link #compact},
     * instead of at every tier of merges on the way). Searches and writes go on as usual. A search cluster: nothing to
     * do.
     */
    default BulkLoad beginBulkLoad() {
        return () -> {
        };
    }

    /** A bulk load under way ({@link #beginBulkLoad}); closing it ends it, once. */
    interface BulkLoad extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** One page of matching articles with exact total and facets. */
    SearchPage search(ArticleQuery query);

    /** Per module: the total and the newest {@code perModule} matches of the query (its modules, page and order are ignored). */
    Overview overview(ArticleQuery query, int perModule);

    /** The article with this id. */
    Optional<Article> find(String id);

    /** How many articles are stored. */
    long count();

    @Override
    void close() throws IOException;
}
