package cn.creditwindow.articles;

import cn.creditwindow.search.Module;

import cn.creditwindow.search.Hit;
import cn.creditwindow.web.Pager;
import java.util.List;

/**
 * One module's list (e.g. 国别信息预警), 15 a page, with the query page's conditions.
 *
 * @param total       matches in the module
 * @param page        the page shown, 1-based (may lie past the last page: then {@code items} is empty)
 * @param size        items per page
 * @param overviewHref the query page (all modules) with the same conditions
 */
public record ModuleListView(SearchForm form, Module module, long total, int page, int size, List<Hit> items,
                             Pager pager, String overviewHref) {
    public ModuleListView {
        items = List.copyOf(items);
    }

    /** The first item's position in the whole list, 1-based. */
    public long first() {
        return (long) (page - 1) * size + 1;
    }

    /** The last item's position in the whole list. */
    public long last() {
        return first() + items.size() - 1;
    }
}
