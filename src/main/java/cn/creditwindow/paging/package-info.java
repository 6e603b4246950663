/**
 * Paging a list, the same way for every list of the application: a {@link cn.creditwindow.paging.PageRequest}
 * (page from 1, a size with a default and a maximum), parsed from a request's text once with a invalid input naming
 * each bad field, and the answer, a {@link cn.creditwindow.paging.Paged} (the exact total, the page, the size and the
 * page's items). A list in the database is paged by {@link cn.creditwindow.paging.PageRequest#select}: it counts the
 * rows of the very query it pages (so the count and the rows share one WHERE, tenancy included) and pages with
 * {@code LIMIT ? OFFSET ?} over an order that ends in a unique key. Nothing here knows the web; the pages draw the
 * links with {@code web.Pager}.
 */
package cn.creditwindow.paging;
