package cn.creditwindow.search;

import java.time.Instant;
import java.util.List;

/**
 * One article in a result list.
 *
 * @param titleHighlighted the title as HTML: escaped, with each keyword occurrence in {@code <em>}
 */
public record Hit(
        String id,
        Module module,
        String title,
        String titleHighlighted,
        Instant publishedAt,
        List<String> countries,
        List<String> industries,
        String source,
        String url,
        boolean hasAttachments) {
}
