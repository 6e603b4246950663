package cn.creditwindow.articles;

import cn.creditwindow.search.Module;

import cn.creditwindow.search.Hit;
import java.util.List;

/**
 * The query page (风险预警信息查询): the form, and one panel per module with its newest matches.
 *
 * @param total     matches over all modules
 * @param withdrawn true right after an article was withdrawn (the page says so)
 */
public record SearchView(SearchForm form, List<Panel> panels, long total, boolean withdrawn) {

    /**
     * One module's panel. Empty ({@code items} empty) when nothing in the module matched: the manual
     * shows nothing in such a panel.
     *
     * @param moreHref the module's own list with the same conditions ("更多")
     */
    public record Panel(Module module, long total, List<Hit> items, String moreHref) {
        public Panel {
            items = List.copyOf(items);
        }
    }

    public SearchView {
        panels = List.copyOf(panels);
    }
}
