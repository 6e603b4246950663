package cn.creditwindow.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total  exact number of matching articles
 * @param items  the page's articles (empty past the last page)
 * @param facets counts over all matching articles; null when the query asked for none
 */
public record SearchPage(long total, int page, int size, List<Hit> items, Facets facets) {
}
