/**
 * The search engine behind one interface, {@link cn.creditwindow.search.ArticleIndex}; the embedded
 * implementation is {@link cn.creditwindow.search.LuceneArticleIndex}. Titles are indexed as smartcn
 * words (to rank) and as CJK grams with Latin prefixes (to find every title that contains a keyword),
 * after a char-for-char normalisation ({@link cn.creditwindow.search.SearchText}) shared by index,
 * queries and highlighting.
 */
package cn.creditwindow.search;
