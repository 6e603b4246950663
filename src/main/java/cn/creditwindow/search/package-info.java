/**
 * The search engine behind one interface, {@link cn.creditwindow.search.ArticleIndex}; the embedded
 * implementation is {@link cn.creditwindow.search.LuceneArticleIndex}. Titles are indexed as smartcn
 * words (to rank) and as CJK grams with Latin prefixes (to find every title that contains a keyword),
 * after a char-for-char normalisation ({@link cn.creditwindow.search.analysis.SearchText}, package {@code analysis}, which Solr loads as a
 * plugin too) shared by index,
 * queries and highlighting. The article model it indexes ({@link cn.creditwindow.search.Article},
 * {@link cn.creditwindow.search.Module}, {@link cn.creditwindow.search.Attachment}) lives here too, so the engine
 * depends on no package above it.
 */
package cn.creditwindow.search;
