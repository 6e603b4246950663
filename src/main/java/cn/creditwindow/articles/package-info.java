/**
 * Risk information as users see it: the {@link cn.creditwindow.articles.Article} and its
 * {@link cn.creditwindow.articles.Module}, the reading of search requests into queries, and the HTTP
 * handlers of {@code /api/articles}.
 */
package cn.creditwindow.articles;
