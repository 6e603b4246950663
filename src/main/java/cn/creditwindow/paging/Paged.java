package cn.creditwindow.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a list: what every list of the API answers ({@code {"total","page","size","items"}}) and what the
 * pages draw their pager from.
 *
 * @param total how many items the whole list has (the same filter as the items, exact)
 * @param page  the page asked for, from 1
 * @param size  the page size asked for
 * @param items this page's items in the list's order; empty past the last page
 */
public record Paged<T>(long total, int page, int size, List<T> items) {
    public Paged {
        items = List.copyOf(items);
    }

    /** The page asked for of an empty list (for a page shown to someone who may see no list). */
    public static <T> Paged<T> empty(PageRequest page) {
        return new Paged<>(0, page.page(), page.size(), List.of());
    }

    /** How many pages the list has: at least 1, even when it is empty. */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The same page with each item mapped (a row to its view, say). */
    public <R> Paged<R> map(Function<? super T, ? extends R> f) {
        return new Paged<>(total, page, size, items.stream().<R>map(f).toList());
    }

    /**
     * The answer as an ordered map ({@code total, page, size, items}), for a list whose answer carries more than
     * the page (an unread count, say): the handler adds its own keys after these.
     */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("page", page);
        out.put("size", size);
        out.put("items", items);
        return out;
    }
}
