package cn.creditwindow.subscriptions;

import cn.creditwindow.search.Module;
import java.time.Instant;
import java.util.List;

/**
 * What one subscription matched in a period: per module (in the modules' order, only those with matches) the total
 * and the newest articles, each with why it matched. The body of a digest, of its preview and of the archive; kept
 * as JSON, so it holds only plain values.
 *
 * @param subscriptionId the subscription, or 0 for a preview of one not yet saved
 * @param conditionsZh   the conditions described in Chinese (and {@code conditionsEn} in English)
 * @param searchHref     the search page with the same conditions
 */
public record Matched(long subscriptionId, String name, String conditionsZh, String conditionsEn, String searchHref,
                      List<Group> groups) {
    public Matched {
        groups = List.copyOf(groups);
    }

    /**
     * One module's matches.
     *
     * @param module   the module's id ({@code country-alert} …)
     * @param total    how many articles of the module matched in the period
     * @param items    the newest of them, newest first
     * @param moreHref the module's list on the search pages with the same conditions
     */
    public record Group(String module, String nameZh, String nameEn, long total, List<Item> items, String moreHref) {
        public Group {
            items = List.copyOf(items);
        }

        public Module moduleValue() {
            return Module.byId(module).orElseThrow();
        }
    }

    /**
     * One matching article.
     *
     * @param titleHighlighted the title as HTML: escaped by the search index's highlighter, keywords in {@code <em>}
     * @param link             the article's page, a path ({@code /articles/{id}})
     */
    public record Item(String id, String title, String titleHighlighted, Instant publishedAt, String link,
                       List<Reason> reasons) {
        public Item {
            reasons = List.copyOf(reasons);
        }

        /** The reasons in Chinese, one line. */
        public String reasonsZh() {
            return String.join("；", reasons.stream().map(Reason::zh).toList());
        }

        /** The reasons in English, one line. */
        public String reasonsEn() {
            return String.join("; ", reasons.stream().map(Reason::en).toList());
        }
    }

    /**
     * One condition the article meets.
     *
     * @param kind {@code KEYWORD}, {@code COUNTRY}, {@code INDUSTRY}, {@code MODULE}, or {@code ALL} for a subscription
     *             without conditions
     */
    public record Reason(String kind, String zh, String en) {
    }

    /** How many articles matched, over all modules. */
    public long total() {
        return groups.stream().mapToLong(Group::total).sum();
    }
}
