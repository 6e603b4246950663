package cn.creditwindow.feeds;

import cn.creditwindow.feeds.ParsedFeed.Format;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a single HTML news article page as a feed of one item.
 *
 * <ul>
 *   <li>title: {@code og:title}; else the first {@code <h1>} with text that is not just a link (a
 *       logo); else {@code <title>}; the two metas lose any site suffix ({@code -新华网},
 *       {@code _新浪新闻}, {@code |…}, see {@link #withoutSiteSuffix});
 *   <li>date: the first readable of the publication-time metas ({@code article:published_time},
 *       {@code pubdate}, {@code publishdate}, {@code og:release_date}, {@code og:time}…), else
 *       {@code <time datetime>}, else the first date in the 200 characters of text after the title.
 *       A meta with a date but no time gives way to a date-time for the same day found after the
 *       title (people.cn: {@code publishdate=2019-06-15}, text {@code 2019年06月15日08:18});
 *   <li>source: the {@code 来源：xxx} text after the title, else anywhere on the page, else a {@code
 *       source} meta, else {@code og:site_name};
 *   <li>link: {@code <link rel="canonical">}, else {@code og:url}, else the base;
 *   <li>body: the element {@link MainContent} picks.
 * </ul>
 */
final class ArticlePageReader {

    private static final List<String> DATE_METAS = List.of("article:published_time", "og:release_date",
            "og:article:published_time", "pubdate", "publishdate", "publish_date", "publish-date", "publishtime",
            "publish_time", "og:time", "datepublished", "dc.date.issued", "dc.date", "dcterms.created",
            "sailthru.date", "weibo:article:create_at");
    private static final int NEAR_TITLE = 200;
    private static final int SOURCE_MAX = 40;
    private static final Pattern SOURCE = Pattern.compile("来源\\s*[:：]\\s*([^\\s:：|｜]{1," + SOURCE_MAX + "}?)"
            + "(?=\\s|作者|编辑|责编|记者|时间|日期|发布|浏览|阅读|字号|[|｜]|\\d{4}[-/年]|$)");
    private static final Pattern SITE_SEPARATOR = Pattern.compile(
            "\\s*(?:--|[_|｜–—]|(?<![A-Za-z0-9])-|-(?![A-Za-z0-9]))\\s*");
    private static final int SITE_SUFFIX_MAX = 12;

    private ArticlePageReader() {
    }

    /**
     * @throws FeedFormatException when the page has no text at all
     */
    static FeedDraft read(String html, URI base) {
        Document page = Jsoup.parse(html, base.toString());
        if (PlainText.of(page.text()).isEmpty()) {
            throw new FeedFormatException("not a feed or an article page: HTML without any text");
        }
        // A <base href> in the page changes what its relative URLs mean.
        URI pageBase = Links.resolve(base, page.baseUri(), Links.ITEM_SCHEMES).orElse(base);
        Map<String, String> metas = metas(page);
        String heading = heading(page);
        String title = firstNonEmpty(withoutSiteSuffix(PlainText.of(metas.get("og:title"))), heading,
                withoutSiteSuffix(PlainText.of(page.title())));
        String text = PlainText.of(page.body().text());
        List<String> nearTitle = nearTitle(text, title, heading);
        String link = Links.itemLink(pageBase, firstNonEmpty(page.select("link[rel~=(?i)^canonical$]").attr("href"),
                metas.getOrDefault("og:url", "")));
        String body = MainContent.find(page).map(Element::html).orElse("");
        ItemDraft item = new ItemDraft("", link.isEmpty() ? base.toString() : link, title, body, pageBase,
                published(page, metas, nearTitle), source(metas, nearTitle, text), List.of(), List.of(), List.of());
        return new FeedDraft(Format.HTML_PAGE, title, List.of(item));
    }

    /** Meta contents by property, name or itemprop: lower case, inner spaces removed ({@code "og: time "}). */
    private static Map<String, String> metas(Document page) {
        Map<String, String> metas = new HashMap<>();
        for (Element meta : page.select("meta[content]")) {
            String key = firstNonEmpty(meta.attr("property"), meta.attr("name"), meta.attr("itemprop"))
                    .replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            String content = meta.attr("content").strip();
            if (!key.isEmpty() && !content.isEmpty()) {
                metas.putIfAbsent(key, content);
            }
        }
        return metas;
    }

    /** The text of the first {@code <h1>} that has text and is not just a link, or {@code ""}. */
    private static String heading(Document page) {
        for (Element h1 : page.select("h1")) {
            String text = PlainText.of(h1.text());
            if (!text.isEmpty() && !text.equals(PlainText.of(h1.select("a").text()))) {
                return text;
            }
        }
        return "";
    }

    /**
     * {@code title} without trailing site and channel names: while the part after the last
     * separator ({@code _ | ｜ -- – —}, or {@code -} unless between letters or digits, as in
     * {@code COVID-19}) is at most 12 characters and shorter than the rest, it is cut off.
     * {@code 交通运输部：着力打造…网络-股票频道-和讯网} becomes {@code 交通运输部：着力打造…网络}.
     */
    static String withoutSiteSuffix(String title) {
        String rest = title;
        while (true) {
            Matcher m = SITE_SEPARATOR.matcher(rest);
            int start = -1;
            int end = -1;
            while (m.find()) {
                start = m.start();
                end = m.end();
            }
            if (start <= 0) {
                return rest;
            }
            String head = rest.substring(0, start);
            int tailLength = rest.codePointCount(end, rest.length());
            if (tailLength > SITE_SUFFIX_MAX || tailLength >= head.codePointCount(0, head.length())) {
                return rest;
            }
            rest = head;
        }
    }

    /** The stretches of text that follow the title (or the heading) wherever it appears. */
    private static List<String> nearTitle(String text, String title, String heading) {
        List<String> windows = new ArrayList<>();
        for (String anchor : new String[] {title, heading}) {
            if (anchor.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(anchor); at >= 0 && windows.size() < 10; at = text.indexOf(anchor, at + 1)) {
                int from = at + anchor.length();
                windows.add(text.substring(from, Math.min(text.length(), from + NEAR_TITLE)));
            }
        }
        return windows;
    }

    private static Instant published(Document page, Map<String, String> metas, List<String> nearTitle) {
        Optional<Instant> inText = nearTitle.stream().map(FeedDates::find).flatMap(Optional::stream).findFirst();
        for (String key : DATE_METAS) {
            String raw = metas.getOrDefault(key, "");
            Optional<Instant> date = FeedDates.parse(raw);
            if (date.isPresent()) {
                boolean dateOnly = !raw.contains(":");
                return dateOnly && inText.isPresent() && sameDay(date.get(), inText.get()) ? inText.get() : date.get();
            }
        }
        for (Element time : page.select("time[datetime]")) {
            Optional<Instant> date = FeedDates.parse(time.attr("datetime"));
            if (date.isPresent()) {
                return date.get();
            }
        }
        return inText.orElse(null);
    }

    private static boolean sameDay(Instant a, Instant b) {
        return LocalDate.ofInstant(a, FeedDates.CHINA).equals(LocalDate.ofInstant(b, FeedDates.CHINA));
    }

    private static String source(Map<String, String> metas, List<String> nearTitle, String text) {
        List<String> places = new ArrayList<>(nearTitle);
        places.add(text);
        places.add(metas.getOrDefault("source", ""));
        places.add(metas.getOrDefault("contentsource", ""));
        for (String place : places) {
            Matcher m = SOURCE.matcher(place);
            if (m.find()) {
                return m.group(1);
            }
        }
        String meta = firstNonEmpty(PlainText.of(metas.get("source")), PlainText.of(metas.get("contentsource")),
                PlainText.of(metas.get("og:site_name")));
        return PlainText.shorten(meta, SOURCE_MAX);
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
