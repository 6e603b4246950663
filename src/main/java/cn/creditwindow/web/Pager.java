package cn.creditwindow.web;

import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The page links under a list: previous, the first and last pages, a window around the current one
 * with gaps between, and next. Built by the list's handler, drawn by {@code tags/pager.jte}.
 *
 * @param page         the current page, 1-based
 * @param pages        how many pages there are (at least 1)
 * @param previousHref the previous page, or null on the first
 * @param nextHref     the next page, or null on the last
 * @param links        the numbered links in order; a {@link Link#gap()} stands for pages left out
 * @param total        how many items the whole list has, shown above the links; -1 when the page shows its own
 *                     count (the article search, the buyer directory)
 */
public record Pager(int page, int pages, String previousHref, String nextHref, List<Link> links, long total) {
    /** Pages either side of the current one that get their own link. */
    static final int WINDOW = 2;

    /** One numbered link, or a gap ({@code number == 0}). */
    public record Link(int number, String href, boolean current) {
        public boolean gap() {
            return number == 0;
        }
    }

    public Pager {
        links = List.copyOf(links);
    }

    /**
     * @param page  the current page (may lie past the last, when a link asked for it)
     * @param pages how many pages there are; 0 is taken as 1
     * @param href  the link to a page number
     */
    public static Pager of(int page, int pages, IntFunction<String> href) {
        return of(page, pages, href, -1);
    }

    /**
     * The pager of one page of a list, with the list's total shown.
     *
     * @param href the link to a page number, carrying the list's other conditions (filters, size) unchanged
     */
    public static Pager of(Paged<?> list, IntFunction<String> href) {
        return of(list.page(), list.pages(), href, list.total());
    }

    private static Pager of(int page, int pages, IntFunction<String> href, long total) {
        int last = Math.max(1, pages);
        List<Link> links = new ArrayList<>();
        int previous = 0;
        for (int n = 1; n <= last; n++) {
            boolean shown = n == 1 || n == last || Math.abs(n - page) <= WINDOW;
            if (!shown) {
                continue;
            }
            if (previous != 0 && n > previous + 1) {
                links.add(new Link(0, null, false));
            }
            links.add(new Link(n, href.apply(n), n == page));
            previous = n;
        }
        return new Pager(page, last, page > 1 ? href.apply(Math.min(page - 1, last)) : null,
                page < last ? href.apply(page + 1) : null, links, total);
    }

    /** The page a list request asks for by its {@code page} and {@code size} parameters; 400 naming a bad one. */
    public static PageRequest request(Context ctx) {
        return PageRequest.parse(ctx.queryParam("page"), ctx.queryParam("size"));
    }

    /** True when there is more than one page (otherwise the pager is not drawn). */
    public boolean needed() {
        return pages > 1 || page > 1;
    }

    /** True when the total is to be shown: the pager knows it and the list is not empty (pages say so their way). */
    public boolean totalShown() {
        return total > 0;
    }
}
