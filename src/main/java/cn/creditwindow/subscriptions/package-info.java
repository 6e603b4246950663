/**
 * Subscriptions (信息订阅): an enterprise user saves risk-information conditions — modules, countries, industries,
 * keywords, the same conditions the search page takes and parsed by the same {@code articles.ArticleQueries} — as
 * a {@link cn.creditwindow.subscriptions.Subscription}, lists, edits, pauses and deletes it
 * ({@link cn.creditwindow.subscriptions.Subscriptions}), and reads it as an Atom 1.0 feed at a private URL
 * ({@link cn.creditwindow.subscriptions.AtomFeeds}). What a subscription matches is always asked of the search
 * index, never of a second matcher. The monthly digests built from subscriptions are the {@code digest} package's.
 */
package cn.creditwindow.subscriptions;
