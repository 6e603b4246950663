/**
 * Risk information as users see it: the {@link cn.creditwindow.search.Article} and its
 * {@link cn.creditwindow.search.Module}, the reading of search requests into queries, the HTTP
 * handlers of {@code /api/articles}, and the pages ({@link cn.creditwindow.articles.ArticlePages}: the
 * query page, each module's list, one article) with their view records; and the articles the insurer withdrew
 * ({@link cn.creditwindow.articles.Withdrawals}), which stay out of the index.
 */
package cn.creditwindow.articles;
